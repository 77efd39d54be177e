package io.lectern.server.catalog.internal.categories;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.lectern.model.catalog.Category;
import io.lectern.server.platform.db.Rows;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL over the admin-managed category list. */
public final class CategoryStore {

    private static final String SELECT = """
            SELECT c.slug, c.name, c.position,
                   (SELECT count(*) FROM catalog.published_courses p
                     WHERE p.category = c.slug AND p.status = 'PUBLISHED') AS courses
              FROM catalog.categories c
            """;

    public List<Category> all(DbExecute db) {
        try (var rows = db.query(SELECT + " ORDER BY c.position, c.name")) {
            return rows.map(CategoryStore::row).toList();
        }
    }

    static final String NAMES = "SELECT slug, name, position, 0 AS courses FROM catalog.categories ORDER BY position, name";

    /** Slugs and names in display order, without counting courses. */
    public List<Category> names(DbExecute db) {
        try (var rows = db.query(NAMES)) {
            return rows.map(CategoryStore::row).toList();
        }
    }

    public Optional<Category> find(DbExecute db, String slug) {
        return db.get(SELECT + " WHERE c.slug = ?", slug).map(CategoryStore::row);
    }

    public boolean exists(DbExecute db, String slug) {
        return db.get("SELECT 1 FROM catalog.categories WHERE slug = ?", slug).isPresent();
    }

    public void insert(DbExecute tx, String slug, String name, Integer position) {
        tx.insert("""
                INSERT INTO catalog.categories (slug, name, position)
                VALUES (?, ?, coalesce(?, (SELECT coalesce(max(position) + 1, 0) FROM catalog.categories)))""",
                slug, name, position);
    }

    public void upsertAll(DbExecute tx, Map<String, String> categories) {
        for (var e : categories.entrySet()) {
            tx.insert("""
                    INSERT INTO catalog.categories (slug, name, position)
                    VALUES (?, ?, (SELECT coalesce(max(position) + 1, 0) FROM catalog.categories))
                    ON CONFLICT DO NOTHING""", e.getKey(), e.getValue());
        }
    }

    public void update(DbExecute tx, String slug, String name, Integer position) {
        tx.update("UPDATE catalog.categories SET name = coalesce(?, name), position = coalesce(?, position) WHERE slug = ?",
                name, position, slug);
    }

    /** Courses (any state) filed under the category. */
    public long usage(DbExecute db, String slug) {
        return db.get("SELECT count(*) AS n FROM catalog.courses WHERE category = ?", slug)
                .map(r -> Rows.number(r, "n")).orElse(0L);
    }

    public void delete(DbExecute tx, String slug) {
        tx.delete("DELETE FROM catalog.categories WHERE slug = ?", slug);
    }

    private static Category row(DbRow r) {
        return new Category(Rows.text(r, "slug"), Rows.text(r, "name"), (int) Rows.number(r, "position"),
                Rows.number(r, "courses"));
    }
}
