/**
 * Learning: progress from heartbeats and completions, the idempotent, order-tolerant offline sync, notes and
 * bookmarks. Other modules use {@link io.lectern.server.learning.LearningService}.
 */
package io.lectern.server.learning;
