package org.segue.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameworkStorageTest {

    @TempDir
    Path home;

    @TempDir
    Path bundleFolder;

    private List<Path> bundles;

    @BeforeEach
    void twoBundles() throws Exception {
        bundles = List.of(Files.writeString(bundleFolder.resolve("a.jar"), "a"),
                Files.writeString(bundleFolder.resolve("b.jar"), "bb"));
    }

    private void runCleanly() throws Exception {
        try (FrameworkStorage storage = FrameworkStorage.claim(home, bundles)) {
            storage.markStoppedCleanly();
        }
    }

    @Test
    void theFirstRunStartsClean() throws Exception {
        try (FrameworkStorage storage = FrameworkStorage.claim(home, bundles)) {
            assertThat(storage.clean()).isTrue();
            assertThat(storage.isPrivate()).isFalse();
            assertThat(storage.folder()).isEqualTo(home.resolve("felix/cache"));
        }
    }

    @Test
    void aRunAfterACleanStopWithTheSameBundlesReusesTheCache() throws Exception {
        runCleanly();

        try (FrameworkStorage storage = FrameworkStorage.claim(home, bundles)) {
            assertThat(storage.clean()).isFalse();
        }
    }

    @Test
    void aRebuiltBundleMakesTheNextRunStartClean() throws Exception {
        runCleanly();
        Files.setLastModifiedTime(bundles.get(1), FileTime.from(Instant.now().plusSeconds(5)));

        try (FrameworkStorage storage = FrameworkStorage.claim(home, bundles)) {
            assertThat(storage.clean()).isTrue();
        }
    }

    @Test
    void aRunThatDidNotStopCleanlyLeavesNoReusableCache() throws Exception {
        runCleanly();
        try (FrameworkStorage killed = FrameworkStorage.claim(home, bundles)) {
            assertThat(killed.clean()).isFalse(); // and then it never marks a clean stop
        }

        try (FrameworkStorage storage = FrameworkStorage.claim(home, bundles)) {
            assertThat(storage.clean()).isTrue();
        }
    }

    @Test
    void aSecondRunAtTheSameTimeGetsAPrivateFolderThatIsDeletedAfterwards() throws Exception {
        try (FrameworkStorage first = FrameworkStorage.claim(home, bundles)) {
            Path privateFolder;
            try (FrameworkStorage second = FrameworkStorage.claim(home, bundles)) {
                privateFolder = second.folder();
                assertThat(second.isPrivate()).isTrue();
                assertThat(second.clean()).isTrue();
                assertThat(privateFolder).isNotEqualTo(first.folder());
                Files.createDirectories(privateFolder.resolve("bundle1"));
            }
            assertThat(privateFolder).doesNotExist();
        }
    }

    @Test
    void theKeyDependsOnNamesSizesAndTimesButNotOnOrder() throws Exception {
        String key = FrameworkStorage.keyOf(bundles);

        assertThat(FrameworkStorage.keyOf(List.of(bundles.get(1), bundles.get(0)))).isEqualTo(key);
        Files.writeString(bundles.get(0), "aa");
        Files.setLastModifiedTime(bundles.get(0), Files.getLastModifiedTime(bundles.get(1)));
        assertThat(FrameworkStorage.keyOf(bundles)).isNotEqualTo(key);
    }
}
