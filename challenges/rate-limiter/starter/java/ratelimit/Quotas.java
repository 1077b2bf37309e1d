package ratelimit;

/** The configuration service. Asking it takes a while: it is a call to another system. */
public interface Quotas {
  /** The client's quota; always the same for the same client. */
  Quota quotaOf(String client);
}
