package org.segue.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;

/**
 * Each Segue bundle exports only Segue's API packages: nothing of the libraries it embeds (JavaCPP's jars carry
 * their own {@code @Export} annotations), no {@code internal} package. Read from the built jars' manifests.
 */
class BundleManifestsIT {

    private static final List<String> API = List.of("org.segue.model", "org.segue.analysis", "org.segue.training",
            "org.segue.continuation", "org.segue.benchmark", "org.segue.files", "org.segue.musicxml", "org.segue.ui", "org.segue.ui.cli");

    @Test
    void everySegueBundleExportsOnlySeguesApiPackages() throws Exception {
        List<String> exported = new ArrayList<>();
        for (Path jar : segueBundles()) exported.addAll(exportedPackages(jar));

        assertThat(exported).isNotEmpty().allSatisfy(p -> assertThat(API).as("exported package " + p).contains(p));
        assertThat(exported).as("each package exported once").doesNotHaveDuplicates();
    }

    @Test
    void theCoreBundleStillEmbedsDl4jAndItsNatives() throws Exception {
        Path core = segueBundles().stream().filter(p -> p.getFileName().toString().startsWith("bundle-core-"))
                .findFirst().orElseThrow();
        String classPath = manifest(core).getMainAttributes().getValue(Constants.BUNDLE_CLASSPATH);

        assertThat(classPath).contains("nd4j-native-", "deeplearning4j-nn-", "javacpp-1.5.7-linux-x86_64.jar");
        assertThat(exportedPackages(core)).noneMatch(p -> p.startsWith("org.bytedeco") || p.startsWith("org.nd4j"));
    }

    static List<Path> segueBundles() throws Exception {
        List<Path> jars = SegueFramework.bundleFiles(SharedData.dist().resolve("bundle")).stream()
                .filter(p -> p.getFileName().toString().startsWith("bundle-")).toList();
        assertThat(jars).as("the three Segue bundles").hasSize(3);
        return jars;
    }

    static List<String> exportedPackages(Path jar) throws IOException {
        String header = manifest(jar).getMainAttributes().getValue(Constants.EXPORT_PACKAGE);
        List<String> packages = new ArrayList<>();
        if (header == null) return packages;
        for (String clause : splitClauses(header)) packages.add(clause.split(";", 2)[0].strip());
        return packages;
    }

    private static Manifest manifest(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest();
        }
    }

    /** Splits a manifest header at the commas between clauses, not those inside quoted values. */
    private static List<String> splitClauses(String header) {
        List<String> clauses = new ArrayList<>();
        StringBuilder clause = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') quoted = !quoted;
            if (c == ',' && !quoted) {
                clauses.add(clause.toString());
                clause.setLength(0);
            } else {
                clause.append(c);
            }
        }
        if (!clause.isEmpty()) clauses.add(clause.toString());
        return clauses;
    }
}
