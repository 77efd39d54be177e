package io.lectern.server.media.internal.storage;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import io.lectern.server.media.MediaSettings;
import io.lectern.server.testing.TestInfra;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The same contract against a real S3 API: Adobe's S3Mock, in process. */
class S3StorageTest extends StorageContract {

    @RegisterExtension
    static final S3MockExtension S3 = S3MockExtension.builder().silent().withSecureConnection(false)
            .withInitialBuckets("lectern-media")
            .withRootFolder(TestInfra.tempDir("s3mock-").toString()).build();

    private MediaStorage storage;

    static MediaSettings.S3 settings() {
        return new MediaSettings.S3(S3.getServiceEndpoint(), "us-east-1", "lectern-media", "test-key", "test-secret");
    }

    @BeforeEach
    void open() {
        storage = new S3Storage(settings());
    }

    @org.junit.jupiter.api.Test
    void aMissingBucketIsCreatedOnStart() throws Exception {
        MediaStorage fresh = new S3Storage(new MediaSettings.S3(S3.getServiceEndpoint(), "us-east-1", "fresh-bucket",
                "k", "s")).ensureBucket();
        fresh.put("x/original", java.nio.file.Files.writeString(temp.resolve("x"), "hello"));
        org.junit.jupiter.api.Assertions.assertEquals(5, fresh.stat("x/original").orElseThrow().size());
    }

    @Override
    MediaStorage storage() {
        return storage;
    }
}
