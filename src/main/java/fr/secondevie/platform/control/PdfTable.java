package fr.secondevie.platform.control;

/**
 * A table written in a document's flow: one line per row, each cell at its column; the header comes
 * again at the top of each new page, so a long statement reads on any of its pages.
 */
public final class PdfTable {

  private final PdfDocument document;
  private final float size;
  private final float[] columns;
  private final String[] header;

  PdfTable(PdfDocument document, float size, float[] columns, String... header) {
    if (header.length > columns.length) {
      throw new IllegalArgumentException("A header cell has no column");
    }
    this.document = document;
    this.size = size;
    this.columns = columns.clone();
    this.header = header.clone();
    if (header.length > 0) {
      document.room(3 * size * 1.4f);
      header();
    }
  }

  /** One row; cells beyond the columns are refused. */
  public PdfTable row(String... cells) {
    if (cells.length > columns.length) {
      throw new IllegalArgumentException("A cell has no column");
    }
    if (document.room(size * 1.4f) && header.length > 0) {
      header();
    }
    line(cells);
    return this;
  }

  private void header() {
    line(header);
    document.down(size * 0.2f);
  }

  private void line(String[] cells) {
    document.down(size * 1.4f);
    for (int i = 0; i < cells.length; i++) {
      document.page().text(cells[i], PdfDocument.MARGIN + columns[i], document.y(), size);
    }
  }
}
