package io.lectern.server.catalog.internal.categories;

import io.lectern.model.catalog.Category;
import io.lectern.model.catalog.CategoryInput;
import io.lectern.server.audit.AuditRecord;
import io.lectern.server.audit.AuditService;
import io.lectern.server.platform.db.Database;
import io.lectern.server.platform.db.SqlErrors;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.http.Validation;
import io.lectern.server.platform.security.Principal;
import java.util.Map;
import java.util.List;

/** Admins keep the category list: add, rename, reorder, and delete categories no course uses. */
public final class CategoryAdmin {

    private final Database db;
    private final CategoryStore categories;
    private final AuditService audit;

    public CategoryAdmin(Database db, CategoryStore categories, AuditService audit) {
        this.db = db;
        this.categories = categories;
        this.audit = audit;
    }

    /** Every category in display order, with its published course count. */
    public List<Category> all() {
        return categories.all(db.execute());
    }

    public Category create(Principal admin, CategoryInput in, String ip) {
        new Validation().required("slug", in.slug())
                .check(in.slug() == null || in.slug().length() <= 60 && in.slug().matches("^[a-z0-9]+(-[a-z0-9]+)*$"),
                        "slug", "format", "slug must be lower-case letters, digits and single hyphens (≤ 60).")
                .required("name", in.name()).maxLength("name", in.name(), 60)
                .check(in.position() == null || in.position() >= 0, "position", "range", "position must be 0 or more.")
                .throwIfInvalid();
        try {
            db.doInTransaction(tx -> {
                categories.insert(tx, in.slug(), in.name().strip(), in.position());
                audit.record(tx, record(admin, "catalog.category.created", in.slug(), ip));
            });
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e, null)) {
                throw new ApiException(409, "category.exists", "A category '" + in.slug() + "' already exists.");
            }
            throw e;
        }
        return categories.find(db.execute(), in.slug()).orElseThrow();
    }

    public Category update(Principal admin, String slug, CategoryInput in, String ip) {
        new Validation().check(in.slug() == null || in.slug().equals(slug), "slug", "read_only",
                        "A category's slug cannot change; create a new one instead.")
                .check(in.name() == null || !in.name().isBlank(), "name", "required", "name must not be empty.")
                .maxLength("name", in.name(), 60)
                .check(in.position() == null || in.position() >= 0, "position", "range", "position must be 0 or more.")
                .throwIfInvalid();
        db.doInTransaction(tx -> {
            if (!categories.exists(tx, slug)) {
                throw ApiException.notFound("This category");
            }
            categories.update(tx, slug, in.name() == null ? null : in.name().strip(), in.position());
            audit.record(tx, record(admin, "catalog.category.updated", slug, ip));
        });
        return categories.find(db.execute(), slug).orElseThrow();
    }

    public void delete(Principal admin, String slug, String ip) {
        try {
            deleteUnused(admin, slug, ip);
        } catch (RuntimeException e) {
            if (SqlErrors.isForeignKeyViolation(e)) {
                throw new ApiException(409, "category.in_use", "A course was just filed under this category; "
                        + "move it first.");
            }
            throw e;
        }
    }

    private void deleteUnused(Principal admin, String slug, String ip) {
        db.doInTransaction(tx -> {
            if (!categories.exists(tx, slug)) {
                throw ApiException.notFound("This category");
            }
            long used = categories.usage(tx, slug);
            if (used > 0) {
                throw new ApiException(409, "category.in_use", used + (used == 1 ? " course is" : " courses are")
                        + " filed under this category; move them first.").with("courses", used);
            }
            categories.delete(tx, slug);
            audit.record(tx, record(admin, "catalog.category.deleted", slug, ip));
        });
    }

    private static AuditRecord record(Principal admin, String action, String slug, String ip) {
        return new AuditRecord(admin.userId(), action, "category", slug, ip, Map.of());
    }
}
