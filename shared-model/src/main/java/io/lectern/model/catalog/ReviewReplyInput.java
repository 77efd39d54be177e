package io.lectern.model.catalog;

/**
 * An instructor's reply to a review; replaces an earlier reply.
 *
 * @param body text (1–2,000)
 */
public record ReviewReplyInput(String body) {
}
