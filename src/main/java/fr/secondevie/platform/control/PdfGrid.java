package fr.secondevie.platform.control;

/**
 * A sheet of equal cells (vouchers to cut out): {@code columns} by {@code rows} to a page, within a
 * margin, handed out left to right and top to bottom, a new page when one is full.
 */
public final class PdfGrid {

  private final PdfDocument document;
  private final int columns;
  private final int rows;
  private final float margin;
  private final float cellWidth;
  private final float cellHeight;
  private PdfCanvas page;
  private int handedOut;

  PdfGrid(PdfDocument document, int columns, int rows, float margin) {
    if (columns < 1 || rows < 1) {
      throw new IllegalArgumentException("A grid has at least one cell");
    }
    this.document = document;
    this.columns = columns;
    this.rows = rows;
    this.margin = margin;
    this.cellWidth = (PdfDocument.A4.getWidth() - 2 * margin) / columns;
    this.cellHeight = (PdfDocument.A4.getHeight() - 2 * margin) / rows;
  }

  public float cellWidth() {
    return cellWidth;
  }

  public float cellHeight() {
    return cellHeight;
  }

  /** The next cell, its origin at its bottom-left corner; the first of a page opens the page. */
  public PdfCanvas next() {
    int index = handedOut++ % (columns * rows);
    if (index == 0) {
      page = document.newPage();
    }
    float x = margin + (index % columns) * cellWidth;
    float bottom = page.height() - margin - (index / columns + 1) * cellHeight;
    return page.region(x, bottom, cellWidth, cellHeight);
  }
}
