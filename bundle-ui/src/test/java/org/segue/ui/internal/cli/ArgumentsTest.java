package org.segue.ui.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ArgumentsTest {

    private static final Set<String> FLAGS = Set.of("--json");
    private static final Set<String> VALUED = Set.of("--bars", "--out");

    @Test
    void separatesPositionalValuesFlagsAndOptionsWithValues() throws Exception {
        Arguments a = Arguments.parse(List.of("in.mid", "--json", "--bars", "16", "--out=a.mid", "--out", "b.mid"),
                FLAGS, VALUED);

        assertThat(a.positional()).containsExactly("in.mid");
        assertThat(a.flag("--json")).isTrue();
        assertThat(a.values("--bars")).containsExactly("16");
        assertThat(a.values("--out")).containsExactly("a.mid", "b.mid");
        assertThat(a.values("--seed")).isEmpty();
    }

    @Test
    void doubleDashLetsAFileLookLikeAnOption() throws Exception {
        Arguments a = Arguments.parse(List.of("--", "--json"), FLAGS, VALUED);

        assertThat(a.positional()).containsExactly("--json");
        assertThat(a.flag("--json")).isFalse();
    }

    @Test
    void refusesAnUnknownOptionByName() {
        assertThatThrownBy(() -> Arguments.parse(List.of("x.xml", "--jsn"), FLAGS, VALUED))
                .isInstanceOf(UsageException.class).hasMessage("unknown option --jsn");
    }

    @Test
    void refusesAnOptionWhoseValueIsMissing() {
        assertThatThrownBy(() -> Arguments.parse(List.of("x.xml", "--bars"), FLAGS, VALUED))
                .isInstanceOf(UsageException.class).hasMessage("--bars needs a value");
    }

    @Test
    void refusesAValueForAFlag() {
        assertThatThrownBy(() -> Arguments.parse(List.of("--json=yes"), FLAGS, VALUED))
                .isInstanceOf(UsageException.class).hasMessage("--json takes no value");
    }

    @Test
    void namesTheMissingPositionalValue() throws Exception {
        Arguments a = Arguments.parse(List.of("in.xml"), FLAGS, VALUED);

        assertThatThrownBy(() -> a.expectPositional("IN", "OUT"))
                .isInstanceOf(UsageException.class).hasMessage("missing OUT");
    }

    @Test
    void namesTheFirstExtraPositionalValue() throws Exception {
        Arguments a = Arguments.parse(List.of("a.xml", "b.xml"), FLAGS, VALUED);

        assertThatThrownBy(() -> a.expectPositional("FILE"))
                .isInstanceOf(UsageException.class).hasMessage("unexpected argument 'b.xml'");
    }

    @Test
    void refusesAPathThatTheFileSystemCannotHold() throws Exception {
        Arguments a = Arguments.parse(List.of("bad\u0000name.xml"), FLAGS, VALUED);

        assertThatThrownBy(() -> a.path(0)).isInstanceOf(UsageException.class).hasMessageContaining("not a file path");
    }
}
