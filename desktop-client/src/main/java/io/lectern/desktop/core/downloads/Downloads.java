package io.lectern.desktop.core.downloads;

import static io.lectern.desktop.core.i18n.Messages.tr;

import io.lectern.desktop.core.api.ApiError;
import io.lectern.desktop.core.api.ServerUnreachableException;
import io.lectern.desktop.core.auth.SessionEndedException;
import io.lectern.desktop.core.catalog.CatalogClient;
import io.lectern.desktop.core.learning.LearningClient;
import io.lectern.desktop.core.learning.PlaybackClient;
import io.lectern.desktop.core.learning.QuizClient;
import io.lectern.desktop.core.downloads.DownloadIndex.Item;
import io.lectern.desktop.core.downloads.DownloadIndex.State;
import io.lectern.model.catalog.CourseDetail;
import io.lectern.model.catalog.LessonType;
import io.lectern.model.catalog.LessonView;
import io.lectern.model.learning.AttemptView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * "Download for offline": a course's or a lesson's video (the MP4 rendition), PDF, text and untimed quizzes; files
 * fetched in the background one at a time with progress, pause, resume (after a restart too), cancel and retry,
 * sealed on disk ({@link SealedFiles}) within the learner's quota. Lessons downloaded open without the server.
 */
public final class Downloads implements AutoCloseable {

    private final DownloadIndex index;
    private final SealedFiles files;
    private final Path folder;
    private final LongSupplier quotaBytes;
    private final Clients clients;
    private final FileFetcher fetcher = new FileFetcher();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("downloads")
            .factory());
    private final Map<UUID, Boolean> stops = new ConcurrentHashMap<>();
    private final List<Consumer<Item>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<Consumer<UUID>> removals = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean closing;

    /** The server calls a download makes. */
    public record Clients(CatalogClient catalog, LearningClient learning, PlaybackClient playback, QuizClient quizzes) {
    }

    public Downloads(DownloadIndex index, SealedFiles files, Path folder, LongSupplier quotaBytes, Clients clients) {
        this.index = index;
        this.files = files;
        this.folder = folder;
        this.quotaBytes = quotaBytes;
        this.clients = clients;
    }

    /** Told about every change of an item (on the download thread). */
    public void onChange(Consumer<Item> listener) {
        listeners.add(listener);
    }

    /** Told about every lesson removed from the downloads (on the download thread). */
    public void onRemove(Consumer<UUID> listener) {
        removals.add(listener);
    }

    /**
     * Queues every lesson of a course the learner may open and study offline (timed quizzes stay online); returns
     * how many were queued.
     */
    public int addCourse(UUID courseId) throws ApiError, ServerUnreachableException, SessionEndedException {
        CourseDetail course = clients.catalog().course(courseId.toString());
        int position = 0;
        int added = 0;
        for (CourseDetail.Section s : course.sections()) {
            for (CourseDetail.Lesson l : s.lessons()) {
                position++;
                if (l.locked() || !offlineKind(l.type())) {
                    continue;
                }
                try {
                    add(clients.learning().lesson(l.id()), course.title(), position);
                    added++;
                } catch (ApiError e) {
                    if (!e.code().equals("quiz.timed")) {
                        throw e;
                    }
                }
            }
        }
        return added;
    }

    /** Queues one lesson of a course, from the lesson screen. */
    public void addLesson(LessonView lesson) throws ApiError, ServerUnreachableException, SessionEndedException {
        CourseDetail course = clients.catalog().course(lesson.courseId().toString());
        int position = 0;
        for (CourseDetail.Section s : course.sections()) {
            for (CourseDetail.Lesson l : s.lessons()) {
                position++;
                if (l.id().equals(lesson.id())) {
                    add(lesson, course.title(), position);
                    return;
                }
            }
        }
        add(lesson, course.title(), position + 1);
    }

    /** Queues one lesson. */
    public void add(LessonView lesson, String courseTitle, int position) throws ApiError, ServerUnreachableException,
            SessionEndedException {
        if (!offlineKind(lesson.type())) {
            throw new IllegalArgumentException(switch (lesson.type()) {
                case LIVE -> tr("downloads.online.live");
                case ASSIGNMENT -> tr("downloads.online.assignment");
                case EMBED -> tr("downloads.online.embed");
                default -> tr("downloads.online", lesson.type().name().toLowerCase(java.util.Locale.ROOT));
            });
        }
        boolean hasFile = lesson.type() == LessonType.VIDEO || lesson.type() == LessonType.PDF;
        AttemptView quiz = lesson.type() == LessonType.QUIZ && lesson.content() != null
                && lesson.content().quizId() != null ? clients.quizzes().offlineCopy(lesson.content().quizId()) : null;
        index.add(lesson, courseTitle, position, hasFile ? lesson.id() + ".sealed" : null, quiz);
        index.find(lesson.id()).ifPresent(this::changed);
        if (hasFile) {
            schedule(lesson.id());
        }
    }

    /** Lessons that can be studied offline: text, PDFs, videos and untimed quizzes (live sessions need the server). */
    public static boolean offlineKind(LessonType type) {
        return type == LessonType.VIDEO || type == LessonType.PDF || type == LessonType.ARTICLE
                || type == LessonType.QUIZ;
    }

    /** A downloaded untimed quiz's questions, to take it offline. */
    public Optional<AttemptView> quiz(UUID quizId) {
        return index.all().stream().map(Item::quiz).filter(q -> q != null && quizId.equals(q.quizId())).findFirst();
    }

    public List<Item> items() {
        return index.all();
    }

    public Optional<Item> item(UUID lessonId) {
        return index.find(lessonId);
    }

    /** The lesson as downloaded, when it is complete (to open it offline). */
    public Optional<LessonView> lesson(UUID lessonId) {
        return index.find(lessonId).filter(i -> i.state() == State.DONE).map(Item::lesson);
    }

    /** The downloaded file, decrypted as it is read. */
    public Optional<SealedFiles.Reader> open(UUID lessonId) throws IOException {
        Optional<Item> item = index.find(lessonId).filter(i -> i.state() == State.DONE && i.file() != null);
        return item.isEmpty() ? Optional.empty() : Optional.of(files.reader(folder.resolve(item.get().file())));
    }

    public void pause(UUID lessonId) {
        stops.put(lessonId, Boolean.FALSE);
        index.find(lessonId).filter(i -> i.state() == State.QUEUED).ifPresent(i -> {
            index.state(lessonId, State.PAUSED, null);
            index.find(lessonId).ifPresent(this::changed);
        });
    }

    /** Resumes a paused download, or tries a failed one again. */
    public void resume(UUID lessonId) {
        index.find(lessonId).filter(i -> i.state() == State.PAUSED || i.state() == State.FAILED).ifPresent(i -> {
            index.state(lessonId, State.QUEUED, null);
            index.find(lessonId).ifPresent(this::changed);
            schedule(lessonId);
        });
    }

    /** Stops and removes a download and its file. */
    public void cancel(UUID lessonId) {
        stops.put(lessonId, Boolean.TRUE);
        worker.execute(() -> {
            index.find(lessonId).ifPresent(i -> {
                delete(i);
                index.remove(lessonId);
                removals.forEach(l -> l.accept(lessonId));
            });
            stops.remove(lessonId);
        });
    }

    /** Bytes the downloads take on disk. */
    public long diskUsage() {
        long sum = 0;
        for (Item i : index.all()) {
            if (i.file() != null) {
                try {
                    sum += Files.exists(folder.resolve(i.file())) ? Files.size(folder.resolve(i.file())) : 0;
                } catch (IOException ignored) {
                    // gone meanwhile
                }
            }
        }
        return sum;
    }

    /** Queues what was waiting or running when the app last stopped. */
    public void resumeUnfinished() {
        for (Item i : index.all()) {
            if (i.state() == State.QUEUED || i.state() == State.DOWNLOADING) {
                index.state(i.lessonId(), State.QUEUED, null);
                schedule(i.lessonId());
            }
        }
    }

    private void schedule(UUID lessonId) {
        stops.remove(lessonId);
        worker.execute(() -> run(lessonId));
    }

    private void run(UUID lessonId) {
        Optional<Item> found = index.find(lessonId).filter(i -> i.state() == State.QUEUED);
        if (found.isEmpty() || stops.containsKey(lessonId)) {
            return;
        }
        Item item = found.get();
        index.state(lessonId, State.DOWNLOADING, null); // shown with the first progress, from where it resumes
        try {
            String url = url(item.lesson());
            Path file = folder.resolve(item.file());
            FileFetcher.Outcome outcome = fetcher.fetch(url, file, files, room(item), (received, total) -> {
                index.progress(lessonId, received, total);
                changed(lessonId);
            }, () -> closing || stops.containsKey(lessonId));
            if (outcome == FileFetcher.Outcome.DONE) {
                index.state(lessonId, State.DONE, null);
            } else if (closing) {
                index.state(lessonId, State.QUEUED, null); // continues at the next start
            } else if (!Boolean.TRUE.equals(stops.get(lessonId))) {
                index.state(lessonId, State.PAUSED, null);
            }
        } catch (ServerUnreachableException e) {
            index.state(lessonId, State.FAILED, tr("downloads.error.offline"));
        } catch (ApiError | SessionEndedException e) {
            index.state(lessonId, State.FAILED, e.getMessage());
        } catch (IOException e) {
            index.state(lessonId, State.FAILED, tr("downloads.error.retry", e.getMessage()));
        }
        changed(lessonId);
    }

    /** Bytes this download may take: the quota less what the other downloads use. */
    private long room(Item item) {
        long others = diskUsage();
        try {
            Path own = folder.resolve(item.file());
            others -= Files.exists(own) ? Files.size(own) : 0;
        } catch (IOException ignored) {
            // counted in full
        }
        return quotaBytes.getAsLong() - others;
    }

    private String url(LessonView lesson) throws ApiError, ServerUnreachableException, SessionEndedException,
            IOException {
        if (lesson.content() == null || lesson.content().mediaId() == null) {
            throw new IOException(tr("downloads.error.noFile"));
        }
        var p = clients.playback().playback(lesson.content().mediaId());
        String url = lesson.type() == LessonType.VIDEO ? p.mp4Url() : p.fileUrl();
        if (url == null) {
            throw new IOException(tr("downloads.error.noDownload"));
        }
        return url;
    }

    private void delete(Item i) {
        if (i.file() != null) {
            try {
                Files.deleteIfExists(folder.resolve(i.file()));
            } catch (IOException ignored) {
                // left for the next cleanup
            }
        }
    }

    private void changed(UUID lessonId) {
        index.find(lessonId).ifPresent(this::changed);
    }

    private void changed(Item item) {
        listeners.forEach(l -> l.accept(item));
    }

    @Override
    public void close() {
        closing = true;
        worker.shutdown();
        try {
            worker.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
