/**
 * The demo a newcomer sees on the embedded default: two instructors build a dozen whole courses through the HTTP
 * API (so the server's own rules and publish checks apply), a demo learner studies, and learners review.
 */
package io.lectern.server.demo;
