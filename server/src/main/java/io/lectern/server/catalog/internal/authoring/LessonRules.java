package io.lectern.server.catalog.internal.authoring;

import io.lectern.model.catalog.LessonContent;
import io.lectern.model.catalog.LessonInput;
import io.lectern.model.catalog.LessonType;
import io.lectern.model.catalog.Subtitle;
import io.lectern.model.common.FieldViolation;
import io.lectern.server.platform.http.Validation;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The rules of a lesson: field formats when it is saved, and completeness (what each type needs) when its course
 * is published.
 */
public final class LessonRules {

    static final int MAX_DURATION_SEC = 24 * 3600;
    static final int MAX_PREREQUISITES = 20;

    private LessonRules() {
    }

    public static void check(LessonInput in, boolean creating) {
        Validation v = new Validation();
        if (creating) {
            v.required("title", in.title()).required("type", in.type());
        }
        if (in.title() != null) {
            String t = in.title().strip();
            v.check(!t.isEmpty() && t.length() <= 120, "title", "length", "title must be 1 to 120 characters.");
        }
        if (in.durationSec() != null) {
            v.range("durationSec", in.durationSec(), 0, MAX_DURATION_SEC);
        }
        v.check(in.prerequisiteIds() == null || in.prerequisiteIds().size() <= MAX_PREREQUISITES, "prerequisiteIds",
                "max_items", "A lesson has at most " + MAX_PREREQUISITES + " prerequisites.");
        LessonContent c = in.content();
        if (c != null) {
            v.maxLength("content.body", c.body(), 100_000).maxLength("content.instructions", c.instructions(), 20_000)
                    .check(c.url() == null || isHttpsUrl(c.url()), "content.url", "https_url",
                            "content.url must be an https:// address of at most 2,000 characters.");
            checkSubtitles(v, c.subtitles());
        }
        v.throwIfInvalid();
    }

    private static void checkSubtitles(Validation v, List<Subtitle> subtitles) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < subtitles.size(); i++) {
            Subtitle s = subtitles.get(i);
            String field = "content.subtitles[" + i + "]";
            v.check(s != null && s.mediaId() != null, field + ".mediaId", "required", "Each subtitle needs a mediaId.");
            boolean tag = s != null && s.language() != null && s.language().matches("^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})?$");
            v.check(tag, field + ".language", "format", "Subtitle languages are tags such as en or pt-BR.");
            v.check(!tag || seen.add(s.language().toLowerCase(Locale.ROOT)), field + ".language", "unique",
                    "One subtitle track per language.");
        }
    }

    /** Only the content fields that mean something for {@code type}. */
    public static LessonContent forType(LessonType type, LessonContent c) {
        LessonContent in = c == null ? LessonContent.EMPTY : c;
        return switch (type) {
            case VIDEO -> new LessonContent(in.mediaId(), in.subtitles(), null, null, null, null, null);
            case PDF -> new LessonContent(in.mediaId(), List.of(), null, null, null, null, null);
            case ARTICLE -> new LessonContent(null, List.of(), in.body(), null, null, null, null);
            case QUIZ -> new LessonContent(null, List.of(), null, in.quizId(), null, null, null);
            case ASSIGNMENT -> new LessonContent(null, List.of(), null, null, in.instructions(), null, null);
            case LIVE -> new LessonContent(null, List.of(), null, null, null, in.liveSessionId(), null);
            case EMBED -> new LessonContent(null, List.of(), null, null, null, null, in.url());
        };
    }

    /** What a lesson lacks to be published, as violations under {@code prefix}. */
    public static List<FieldViolation> incomplete(DraftLesson l, String prefix) {
        List<FieldViolation> missing = new ArrayList<>();
        LessonContent c = l.content();
        switch (l.type()) {
            case VIDEO -> {
                need(missing, c.mediaId() != null, prefix + ".content.mediaId", "A video lesson needs its video.");
                need(missing, l.durationSec() > 0, prefix + ".durationSec", "A video lesson needs its duration.");
            }
            case PDF -> need(missing, c.mediaId() != null, prefix + ".content.mediaId", "A PDF lesson needs its file.");
            case ARTICLE -> need(missing, c.body() != null && !c.body().isBlank(), prefix + ".content.body",
                    "An article lesson needs text.");
            case QUIZ -> need(missing, c.quizId() != null, prefix + ".content.quizId", "A quiz lesson needs its quiz.");
            case ASSIGNMENT -> need(missing, c.instructions() != null && !c.instructions().isBlank(),
                    prefix + ".content.instructions", "An assignment lesson needs instructions.");
            case LIVE -> need(missing, c.liveSessionId() != null, prefix + ".content.liveSessionId",
                    "A live lesson needs its live session.");
            case EMBED -> need(missing, c.url() != null, prefix + ".content.url", "An embed lesson needs its page address.");
            default -> throw new IllegalStateException("unknown lesson type " + l.type());
        }
        return missing;
    }

    private static void need(List<FieldViolation> missing, boolean ok, String field, String message) {
        if (!ok) {
            missing.add(new FieldViolation(field, "incomplete", message));
        }
    }

    public static boolean isHttpsUrl(String url) {
        if (url.length() > 2000) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && uri.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
