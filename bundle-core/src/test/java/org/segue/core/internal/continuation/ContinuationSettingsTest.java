package org.segue.core.internal.continuation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.segue.continuation.ContinuationRequest;

/** The continuation service's configuration, converted from a map of properties as Config Admin gives them. */
class ContinuationSettingsTest {

    /**
     * What SCR does with a configuration: each method answers the property of its name, converted to its return
     * type, or its default when the property is absent. Config files give strings, so strings are converted here.
     */
    static ContinuationSettings settings(Map<String, String> properties) {
        return (ContinuationSettings) Proxy.newProxyInstance(ContinuationSettings.class.getClassLoader(),
                new Class<?>[] {ContinuationSettings.class}, (proxy, method, args) -> {
                    String value = properties.get(method.getName());
                    if (value == null) return method.getDefaultValue();
                    Class<?> type = method.getReturnType();
                    if (type == int.class) return Integer.valueOf(value.strip());
                    if (type == double.class) return Double.valueOf(value.strip());
                    return value;
                });
    }

    @Test
    void withoutConfigurationTheDefaultsAreThoseOfTheCommandLine() {
        ContinuationDefaults defaults = ContinuationDefaults.from(settings(Map.of()));

        assertThat(defaults.request()).isEqualTo(ContinuationRequest.of(8));
        assertThat(defaults.request().topKEvents()).isEqualTo(ContinuationRequest.DEFAULT_TOP_K_EVENTS);
        assertThat(defaults.request().harmony()).isEqualTo(ContinuationRequest.DEFAULT_HARMONY);
        assertThat(defaults.model()).as("the shipped model").isNull();
        assertThat(defaults.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(ContinuationDefaults.builtIn()).isEqualTo(defaults);
    }

    @Test
    void everyPropertyReachesTheDefaults() {
        ContinuationDefaults defaults = ContinuationDefaults.from(settings(Map.of("model", " /models/mine.zip ",
                "bars", "4", "topKEvents", "3", "topKDurations", "2", "temperature", "0.7", "harmony", "0",
                "threads", "3")));

        assertThat(defaults.request()).isEqualTo(ContinuationRequest.of(4).withTopK(3, 2).withTemperature(0.7)
                .withHarmony(0));
        assertThat(defaults.model()).isEqualTo(Path.of("/models/mine.zip"));
        assertThat(defaults.threads()).isEqualTo(3);
    }

    @Test
    void aValueOutOfRangeIsNamedWithThePid() {
        assertThatThrownBy(() -> ContinuationDefaults.from(settings(Map.of("bars", "0"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("configuration org.segue.continuation: bars must be in 1..512, not 0");
        assertThatThrownBy(() -> ContinuationDefaults.from(settings(Map.of("harmony", "1.5"))))
                .hasMessage("configuration org.segue.continuation: harmony must be in [0, 1], not 1.5");
        assertThatThrownBy(() -> ContinuationDefaults.from(settings(Map.of("threads", "-1"))))
                .hasMessageContaining("threads must be >= 0");
    }

    @Test
    void theServiceTakesANewConfigurationWithoutRestarting() {
        ContinuationComponent service = new ContinuationComponent();
        service.activate(settings(Map.of()));
        try {
            assertThat(service.defaults().bars()).isEqualTo(8);

            service.modified(settings(Map.of("bars", "4", "threads", "1")));
            assertThat(service.defaults().bars()).isEqualTo(4);

            service.modified(settings(Map.of("bars", "0")));
            assertThat(service.defaults().bars()).as("a bad value keeps the previous one").isEqualTo(4);
        } finally {
            service.deactivate();
        }
    }
}
