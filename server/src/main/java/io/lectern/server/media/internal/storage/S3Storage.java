package io.lectern.server.media.internal.storage;

import io.lectern.server.media.MediaSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Media in an S3-compatible bucket (AWS, MinIO, S3Mock) through the AWS SDK v2, path-style addressing. */
public final class S3Storage implements MediaStorage {

    private final S3Client s3;
    private final String bucket;
    private final String endpoint;

    public S3Storage(MediaSettings.S3 settings) {
        var builder = S3Client.builder().region(Region.of(settings.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(),
                        settings.secretKey())))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .forcePathStyle(true);
        if (!settings.endpoint().isEmpty()) {
            builder.endpointOverride(URI.create(settings.endpoint()));
        }
        this.s3 = builder.build();
        this.bucket = settings.bucket();
        this.endpoint = settings.endpoint().isEmpty() ? "AWS " + settings.region() : settings.endpoint();
    }

    /** Creates the bucket when it does not exist yet (a fresh MinIO); fails with a clear message when S3 cannot be reached. */
    public S3Storage ensureBucket() {
        try {
            try {
                s3.headBucket(b -> b.bucket(bucket));
            } catch (S3Exception e) {
                if (e.statusCode() != 404) {
                    throw e;
                }
                s3.createBucket(b -> b.bucket(bucket));
            }
        } catch (SdkException e) {
            throw new IllegalStateException("The S3 bucket " + bucket + " at " + endpoint + " cannot be reached: "
                    + e.getMessage(), e);
        }
        return this;
    }

    @Override
    public void put(String key, Path file) throws IOException {
        try {
            s3.putObject(b -> b.bucket(bucket).key(StorageKeys.check(key)), RequestBody.fromFile(file));
            Files.deleteIfExists(file);
        } catch (SdkException e) {
            throw new IOException("S3 put " + key + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Stat> stat(String key) throws IOException {
        try {
            HeadObjectResponse h = s3.headObject(b -> b.bucket(bucket).key(StorageKeys.check(key)));
            return Optional.of(new Stat(h.contentLength(), h.lastModified(), h.eTag()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw new IOException("S3 head " + key + " failed: " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new IOException("S3 head " + key + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public InputStream open(String key, long offset, long length) throws IOException {
        if (length == 0) {
            return InputStream.nullInputStream();
        }
        try {
            return s3.getObject(b -> b.bucket(bucket).key(StorageKeys.check(key))
                    .range("bytes=" + offset + "-" + (offset + length - 1)));
        } catch (SdkException e) {
            throw new IOException("S3 get " + key + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Path localCopy(String key, Path tempDir) throws IOException {
        Path target = tempDir.resolve("source-" + key.replace('/', '_'));
        try (InputStream in = s3.getObject(b -> b.bucket(bucket).key(StorageKeys.check(key)))) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (SdkException e) {
            throw new IOException("S3 get " + key + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void deleteAll(String prefix) throws IOException {
        try {
            String token = null;
            do {
                String t = token;
                var page = s3.listObjectsV2(b -> b.bucket(bucket).prefix(StorageKeys.check(prefix)).continuationToken(t));
                List<ObjectIdentifier> ids = page.contents().stream().map(S3Object::key)
                        .map(k -> ObjectIdentifier.builder().key(k).build()).toList();
                if (!ids.isEmpty()) {
                    s3.deleteObjects(b -> b.bucket(bucket).delete(Delete.builder().objects(ids).build()));
                }
                token = page.isTruncated() ? page.nextContinuationToken() : null;
            } while (token != null);
        } catch (SdkException e) {
            throw new IOException("S3 delete " + prefix + " failed: " + e.getMessage(), e);
        }
    }

}
