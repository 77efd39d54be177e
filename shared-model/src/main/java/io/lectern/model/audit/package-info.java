/** Audit log records. */
package io.lectern.model.audit;
