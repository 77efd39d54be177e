/**
 * The demo content a newcomer sees on the embedded default: two instructors and a dozen published courses,
 * created through the identity and catalog facades only.
 */
package io.lectern.server.demo;
