/**
 * The embedded default: real PostgreSQL and Redis binaries taken from Maven Central jars and run as child
 * processes, so a newcomer needs nothing installed but a JDK. Works as a normal user and as root (PostgreSQL
 * refuses to run as root, so it is started in a user namespace or as {@code nobody}).
 */
package io.lectern.server.platform.embedded;
