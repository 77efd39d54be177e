package io.lectern.model.catalog;

import java.util.List;
import java.util.UUID;

/**
 * Course fields to create or change. On create, title and category are required; on PATCH, absent (null) fields
 * stay as they are, and {@code thumbnailMediaId: null} given explicitly removes the thumbnail.
 *
 * @param title            title (3–120 characters)
 * @param slug             URL name; generated from the title when absent
 * @param subtitle         one-line pitch (≤ 200)
 * @param description      Markdown (≤ 20,000), sanitised when rendered
 * @param category         category slug from {@code GET /api/v1/categories}
 * @param tags             up to 10 tags
 * @param level            level
 * @param language         BCP 47 language tag such as {@code en} or {@code de}
 * @param pricing          how it is paid for
 * @param priceMinor       one-time price in minor units
 * @param currency         ISO 4217 code
 * @param thumbnailMediaId cover image
 * @param coInstructorIds  instructors who may edit besides the owner
 * @param ownerId          admins only: the instructor who owns a course they create
 */
public record CourseInput(String title, String slug, String subtitle, String description, String category,
                          List<String> tags, CourseLevel level, String language, Pricing pricing, Long priceMinor,
                          String currency, UUID thumbnailMediaId, List<UUID> coInstructorIds, UUID ownerId) {
}
