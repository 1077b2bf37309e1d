package dev.gauntlet.platform.http;

import io.vertx.ext.web.Router;

/** A feature's routes, mounted on the API's router. */
public interface Routes {
  void mount(Router router);
}
