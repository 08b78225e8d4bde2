package fr.secondevie.devices.control;

import fr.secondevie.donations.entity.DonationItem;
import fr.secondevie.platform.entity.DeviceCategory;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a donation pledged beside what the workshop took in of it, by category: the count check of
 * the reception. A category taken in that was not pledged has a line with nothing pledged. Taking
 * one device more than was pledged, of its category or in all, is to be confirmed; fewer leaves
 * devices missing.
 */
public record PledgeCount(List<Line> lines) {

  /** One category: how many were pledged, how many were taken in. */
  public record Line(DeviceCategory category, int pledged, int takenIn) {

    /** How many pledged devices of this category are still to be taken in. */
    public int missing() {
      return Math.max(0, pledged - takenIn);
    }

    /** How many more than pledged were taken in. */
    public int beyond() {
      return Math.max(0, takenIn - pledged);
    }
  }

  public PledgeCount {
    lines = List.copyOf(lines);
  }

  /** The count of a donation's lines (several lines of one category add up) against its devices. */
  public static PledgeCount of(List<DonationItem> items, List<DeviceCategory> takenIn) {
    Map<DeviceCategory, int[]> counts = new EnumMap<>(DeviceCategory.class);
    for (DonationItem item : items) {
      counts.computeIfAbsent(item.category(), c -> new int[2])[0] += item.quantity();
    }
    for (DeviceCategory category : takenIn) {
      counts.computeIfAbsent(category, c -> new int[2])[1]++;
    }
    List<Line> lines = new ArrayList<>();
    counts.forEach((category, n) -> lines.add(new Line(category, n[0], n[1])));
    return new PledgeCount(lines);
  }

  public int pledged() {
    return lines.stream().mapToInt(Line::pledged).sum();
  }

  public int takenIn() {
    return lines.stream().mapToInt(Line::takenIn).sum();
  }

  /** How many pledged devices are still to be taken in, across the categories. */
  public int missing() {
    return lines.stream().mapToInt(Line::missing).sum();
  }

  /** Whether one more device of that category would be more than pledged, of it or in all. */
  public boolean oneMoreIsBeyond(DeviceCategory category) {
    Line line =
        lines.stream()
            .filter(l -> l.category() == category)
            .findFirst()
            .orElse(new Line(category, 0, 0));
    return line.takenIn() + 1 > line.pledged() || takenIn() + 1 > pledged();
  }
}
