package dev.gauntlet.probe;

/**
 * One kind of request in the load mix.
 *
 * @param weight  how often it is sent relative to the others
 * @param request the request, which may use values captured by the load's setup
 * @param status  the status a good response has; any 2xx when absent. Others count as errors.
 */
public record LoadRequest(int weight, HttpCall request, Integer status) {
  public LoadRequest {
    if (weight < 1 || weight > 1000) {
      throw new IllegalArgumentException("weight must be between 1 and 1000, was " + weight);
    }
    if (request == null) {
      throw new IllegalArgumentException("request is required");
    }
  }

  boolean isGood(int actual) {
    return status == null ? actual / 100 == 2 : actual == status;
  }
}
