package gongkai.command.application;

/** The port through which a transfer checks that the receiving agency exists ({@link KnownAgencies} in production). */
@FunctionalInterface
public interface Agencies {

    boolean exists(String agencyId);
}
