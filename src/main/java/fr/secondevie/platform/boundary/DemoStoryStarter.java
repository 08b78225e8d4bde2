package fr.secondevie.platform.boundary;

import fr.secondevie.platform.control.DemoStory;
import jakarta.inject.Inject;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Starts the demo story ({@link DemoStory}) at the first request a demo instance serves: that is
 * when the instance knows the port it answers on. A flag read per request otherwise.
 */
@WebListener
public class DemoStoryStarter implements ServletRequestListener {

  @Inject DemoStory story;

  private volatile boolean started;

  @Override
  public void requestInitialized(ServletRequestEvent event) {
    if (!started) {
      started = true;
      story.startOnce(event.getServletRequest().getLocalPort());
    }
  }
}
