package fr.secondevie.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which instance this is, as the jobs' leases, {@code /api/v1/jobs} and the logs name it: {@code
 * SECONDEVIE_INSTANCE_ID} when set (a container's replica name), else the host name and the process
 * id, which stay the same while the instance lives and differ from any other instance's.
 */
@ApplicationScoped
public class InstanceIdentity {

  @Inject
  @ConfigProperty(name = "secondevie.instance.id")
  Optional<String> configured;

  private volatile String id;

  public String id() {
    String known = id;
    if (known == null) {
      known =
          configured
              .map(String::trim)
              .filter(s -> !s.isEmpty())
              .map(s -> s.length() > 200 ? s.substring(0, 200) : s)
              .orElseGet(InstanceIdentity::hostAndPid);
      id = known;
    }
    return known;
  }

  static String hostAndPid() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "localhost";
    }
    return host + "-" + ProcessHandle.current().pid();
  }
}
