package org.segue.ui.internal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The API's configuration, converted from properties as Config Admin gives them, without a framework. */
class HttpSettingsTest {

    static HttpSettings settings(Map<String, String> properties) {
        return (HttpSettings) Proxy.newProxyInstance(HttpSettings.class.getClassLoader(),
                new Class<?>[] {HttpSettings.class}, (proxy, method, args) -> {
                    String value = properties.get(method.getName());
                    return value == null ? method.getDefaultValue() : Integer.valueOf(value.strip());
                });
    }

    private static long limitAfter(List<Map<String, String>> configurations) throws Exception {
        ApiServlet servlet = new ApiServlet(null, null, List.of());
        for (Map<String, String> configuration : configurations) servlet.configure(settings(configuration));
        Field field = ApiServlet.class.getDeclaredField("uploadLimit");
        field.setAccessible(true);
        return (long) field.get(servlet);
    }

    @Test
    void theUploadLimitIs32MiBUnlessConfiguredAndABadValueKeepsThePreviousOne() throws Exception {
        assertThat(limitAfter(List.of(Map.of()))).isEqualTo(32L * 1024 * 1024).isEqualTo(ApiServlet.UPLOAD_LIMIT);
        assertThat(limitAfter(List.of(Map.of("uploadLimitMiB", "5")))).isEqualTo(5L * 1024 * 1024);
        assertThat(limitAfter(List.of(Map.of("uploadLimitMiB", "5"), Map.of("uploadLimitMiB", "0"))))
                .isEqualTo(5L * 1024 * 1024);
    }
}
