package fr.secondevie.devices.control;

import java.util.List;

/** One page of the catalogue and the number of devices matching the filter. */
public record CataloguePage(List<CatalogueItem> items, long total, int page, int size) {

  public int pageCount() {
    return (int) ((total + size - 1) / size);
  }

  public boolean hasPrevious() {
    return page > 0;
  }

  public boolean hasNext() {
    return (long) (page + 1) * size < total;
  }
}
