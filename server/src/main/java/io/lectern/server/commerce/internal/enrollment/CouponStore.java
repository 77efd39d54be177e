package io.lectern.server.commerce.internal.enrollment;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.lectern.model.commerce.Coupon;
import io.lectern.server.platform.db.Rows;
import io.lectern.server.platform.db.Writes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** SQL over commerce.coupons and commerce.coupon_uses. */
public final class CouponStore {

    private static final String SELECT = "SELECT id, code, kind, value, course_id, max_uses, per_user_limit, used, "
            + "expires_at, active, created_at FROM commerce.coupons";

    /**
     * A new coupon's facts.
     *
     * @param id           id
     * @param code         upper-case code
     * @param kind         PERCENT or FIXED
     * @param value        percent, or minor units off
     * @param courseId     the one course it applies to, or null for every paid course
     * @param createdBy    who made it
     * @param maxUses      total cap, or null
     * @param perUserLimit uses per learner
     * @param expiresAt    expiry, or null
     */
    record NewCoupon(UUID id, String code, String kind, Long value, UUID courseId, UUID createdBy, Integer maxUses,
                     int perUserLimit, Instant expiresAt) {
    }

    void insert(DbExecute tx, NewCoupon c, Instant now) {
        tx.insert("""
                INSERT INTO commerce.coupons (id, code, kind, value, course_id, created_by, max_uses, per_user_limit,
                                              expires_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", c.id(), c.code(), c.kind(), c.value(), c.courseId(),
                c.createdBy(), c.maxUses(), c.perUserLimit(), Rows.param(c.expiresAt()), Rows.param(now));
    }

    /** Coupons made by {@code createdBy} (everyone's when empty), optionally of one course, newest first. */
    List<Coupon> list(DbExecute db, Optional<UUID> createdBy, Optional<UUID> courseId) {
        String where = (createdBy.isEmpty() ? " WHERE true" : " WHERE created_by = ?")
                + (courseId.isPresent() ? " AND course_id = ?" : "");
        List<Object> params = new ArrayList<>();
        createdBy.ifPresent(params::add);
        courseId.ifPresent(params::add);
        try (var rows = db.query(SELECT + where + " ORDER BY created_at DESC LIMIT 500", params.toArray())) {
            return rows.map(CouponStore::row).toList();
        }
    }

    Optional<Coupon> find(DbExecute db, UUID id) {
        return db.get(SELECT + " WHERE id = ?", id).map(CouponStore::row);
    }

    /** The coupon with this code, locked until the transaction ends. */
    Optional<Coupon> lockByCode(DbExecute tx, String code) {
        return tx.get(SELECT + " WHERE code = ? FOR UPDATE", code).map(CouponStore::row);
    }

    boolean isCreatedBy(DbExecute db, UUID id, UUID userId) {
        return db.get("SELECT 1 FROM commerce.coupons WHERE id = ? AND created_by = ?", id, userId).isPresent();
    }

    void deactivate(DbExecute tx, UUID id) {
        tx.update("UPDATE commerce.coupons SET active = false WHERE id = ?", id);
    }

    /** How often the learner used the coupon. */
    long usesBy(DbExecute tx, UUID couponId, UUID userId) {
        return tx.get("SELECT count(*) AS n FROM commerce.coupon_uses WHERE coupon_id = ? AND user_id = ?", couponId,
                userId).map(r -> Rows.number(r, "n")).orElse(0L);
    }

    /** Adds a use of the coupon (its counter and the learner's use) to {@code writes}. */
    void recordUse(Writes writes, UUID couponId, UUID userId, UUID enrollmentId, Instant now) {
        writes.add("coupon_used", "UPDATE commerce.coupons SET used = used + 1 WHERE id = ?", couponId)
                .add("coupon_use", "INSERT INTO commerce.coupon_uses (coupon_id, user_id, enrollment_id, created_at) "
                        + "VALUES (?, ?, ?, ?)", couponId, userId, enrollmentId, Rows.param(now));
    }

    /** The coupons a learner used (data export). */
    public List<Map<String, Object>> exportUses(DbExecute db, UUID userId) {
        return Rows.maps(db, "SELECT c.code, u.enrollment_id, u.created_at FROM commerce.coupon_uses u "
                + "JOIN commerce.coupons c ON c.id = u.coupon_id WHERE u.user_id = ? ORDER BY u.created_at", userId);
    }

    /** The coupons a person made (data export). */
    public List<Map<String, Object>> exportCreated(DbExecute db, UUID userId) {
        return Rows.maps(db, "SELECT code, kind, value, course_id, used, created_at FROM commerce.coupons "
                + "WHERE created_by = ? ORDER BY created_at", userId);
    }

    private static Coupon row(DbRow r) {
        return new Coupon(Rows.uuid(r, "id"), Rows.text(r, "code"), Rows.text(r, "kind"), Rows.number(r, "value"),
                Rows.uuid(r, "course_id"), Rows.integer(r, "max_uses"), (int) Rows.number(r, "per_user_limit"),
                (int) Rows.number(r, "used"), Rows.instant(r, "expires_at"), Rows.flag(r, "active"),
                Rows.instant(r, "created_at"));
    }
}
