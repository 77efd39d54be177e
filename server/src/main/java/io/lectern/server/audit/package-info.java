/**
 * The audit log: who did what to whom, when and from where — sign-ins and failures, lockouts, token reuse,
 * role changes, deactivations and every admin action. Owns the {@code audit} schema; admins filter it at
 * {@code GET /api/v1/admin/audit}.
 */
package io.lectern.server.audit;
