package org.segue.ui.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class JsonWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void placesCommasBetweenMembersAndElements() {
        String text = new JsonWriter().beginObject()
                .name("a").value(1)
                .name("b").beginArray().value("x").value(true).nullValue().beginObject().endObject().endArray()
                .name("c").beginObject().name("d").value(2.5).endObject()
                .endObject().toString();

        assertThat(text).isEqualTo("{\"a\":1,\"b\":[\"x\",true,null,{}],\"c\":{\"d\":2.5}}");
    }

    @Test
    void escapesWhatJsonRequiresAndKeepsOtherCharacters() throws Exception {
        String nasty = "say \"hi\" \\ back\nnew\tline\u0001 \u2028 Życzenie \uD834\uDD1E";

        String text = new JsonWriter().beginObject().name("title").value(nasty).endObject().toString();

        assertThat(text).contains("\\\"hi\\\"", "\\\\", "\\n", "\\t", "\\u0001", "\\u2028", "Życzenie",
                "\uD834\uDD1E");
        assertThat(JSON.readTree(text).get("title").asText()).isEqualTo(nasty);
    }

    @Test
    void escapesALoneSurrogateInsteadOfWritingABrokenCharacter() throws Exception {
        String text = new JsonWriter().beginArray().value("a\uD834b").endArray().toString();

        assertThat(text).isEqualTo("[\"a\\ud834b\"]");
    }

    @Test
    void writesWholeNumbersWithoutAFractionAndNonFiniteNumbersAsNull() throws Exception {
        String text = new JsonWriter().beginArray().value(120.0).value(0.1).value(Double.NaN)
                .value(Double.POSITIVE_INFINITY).value(-3L).endArray().toString();

        assertThat(text).isEqualTo("[120,0.1,null,null,-3]");
        JsonNode parsed = JSON.readTree(text);
        assertThat(parsed.get(1).asDouble()).isEqualTo(0.1);
    }

    @Test
    void refusesAValueWithoutANameInsideAnObject() {
        JsonWriter json = new JsonWriter().beginObject();

        assertThatThrownBy(() -> json.value(1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesANameInsideAnArray() {
        JsonWriter json = new JsonWriter().beginArray();

        assertThatThrownBy(() -> json.name("a")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesToHandOutUnfinishedText() {
        JsonWriter json = new JsonWriter().beginObject().name("a").value(1);

        assertThatThrownBy(json::toString).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("1 container(s) still open");
    }

    @Test
    void refusesASecondTopLevelValue() {
        JsonWriter json = new JsonWriter().beginObject().endObject();

        assertThatThrownBy(json::beginObject).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesClosingTheWrongContainer() {
        JsonWriter json = new JsonWriter().beginObject();

        assertThatThrownBy(json::endArray).isInstanceOf(IllegalStateException.class);
    }
}
