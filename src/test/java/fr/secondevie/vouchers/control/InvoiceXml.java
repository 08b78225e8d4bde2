package fr.secondevie.vouchers.control;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The {@code factur-x.xml} a Factur-X PDF carries, read back with PDFBox (the embedded file) and
 * XPath over the Cross Industry Invoice's namespaces: what an accounting program would read.
 */
public final class InvoiceXml {

  private static final Map<String, String> NAMESPACES =
      Map.of(
          "rsm", "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
          "ram",
              "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
          "udt", "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100");

  private final Document xml;
  private final XPath xpath;

  private InvoiceXml(Document xml) {
    this.xml = xml;
    this.xpath = XPathFactory.newInstance().newXPath();
    xpath.setNamespaceContext(
        new NamespaceContext() {
          @Override
          public String getNamespaceURI(String prefix) {
            return NAMESPACES.getOrDefault(prefix, XMLConstants.NULL_NS_URI);
          }

          @Override
          public String getPrefix(String uri) {
            return null;
          }

          @Override
          public Iterator<String> getPrefixes(String uri) {
            return null;
          }
        });
  }

  /** The embedded {@code factur-x.xml} of the PDF (fails when there is none). */
  public static InvoiceXml of(byte[] pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDDocumentNameDictionary names = doc.getDocumentCatalog().getNames();
      PDEmbeddedFilesNameTreeNode files = names.getEmbeddedFiles();
      PDComplexFileSpecification spec = files.getNames().get("factur-x.xml");
      if (spec == null) {
        throw new AssertionError("No factur-x.xml in the PDF: " + files.getNames().keySet());
      }
      byte[] bytes = spec.getEmbeddedFile().toByteArray();
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      return new InvoiceXml(factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes)));
    }
  }

  public String text(String path) throws Exception {
    return ((String) xpath.evaluate(path, xml, XPathConstants.STRING)).strip();
  }

  public java.util.List<String> texts(String path) throws Exception {
    NodeList nodes = (NodeList) xpath.evaluate(path, xml, XPathConstants.NODESET);
    java.util.List<String> texts = new java.util.ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      texts.add(nodes.item(i).getTextContent().strip());
    }
    return texts;
  }

  public int count(String path) throws Exception {
    return ((NodeList) xpath.evaluate(path, xml, XPathConstants.NODESET)).getLength();
  }

  /** BT-112, the invoice total with VAT. */
  public BigDecimal total() throws Exception {
    return new BigDecimal(text("//ram:GrandTotalAmount"));
  }
}
