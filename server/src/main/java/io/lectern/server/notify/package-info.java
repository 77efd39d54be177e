/**
 * Notifications: outgoing mail (rendered from localized templates, delivered through the outbox by SMTP or into
 * the dev mailbox when no SMTP server is configured). Owns the {@code notify} schema.
 */
package io.lectern.server.notify;
