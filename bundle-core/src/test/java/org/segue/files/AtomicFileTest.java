package org.segue.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @TempDir
    Path folder;

    private Stream<String> names() throws IOException {
        return Files.list(folder).map(p -> p.getFileName().toString()).sorted();
    }

    @Test
    void writesANewFileInAFolderItCreates() throws Exception {
        Path file = folder.resolve("new/piece.txt");

        AtomicFile.write(file, out -> out.write("bars".getBytes(StandardCharsets.UTF_8)));

        assertThat(file).hasContent("bars");
    }

    @Test
    void aWriteThatFailsLeavesTheOldFileAndNoPartFile() throws Exception {
        Path file = Files.writeString(folder.resolve("piece.txt"), "what the composer had");

        assertThatThrownBy(() -> AtomicFile.<IllegalStateException>write(file, out -> {
            out.write("half of it".getBytes(StandardCharsets.UTF_8));
            throw new IllegalStateException("the writer failed");
        })).hasMessage("the writer failed");

        assertThat(file).hasContent("what the composer had");
        assertThat(names()).containsExactly("piece.txt");
    }

    @Test
    void aSuccessfulWriteReplacesTheFileWhole() throws Exception {
        Path file = Files.writeString(folder.resolve("piece.txt"), "a much longer older content");

        AtomicFile.write(file, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));

        assertThat(file).hasContent("new");
        assertThat(names()).containsExactly("piece.txt");
    }
}
