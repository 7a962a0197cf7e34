package org.collapselab.experiments.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTest {
    @Test
    void fillsEscapedAndRawPlaceholdersAndDropsComments() {
        String t = "## a comment\n<p>{{a}} and {{{b}}}</p>\n";
        assertThat(Template.fill("t", t, Map.of("a", "x < y", "b", "<b>bold</b>")))
                .isEqualTo("<p>x &lt; y and <b>bold</b></p>\n");
    }

    @Test
    void aMissingOrUnusedValueIsAnError() {
        assertThatThrownBy(() -> Template.fill("t", "{{a}} {{b}}", Map.of("a", 1)))
                .hasMessage("report template t: no value for {{b}}");
        assertThatThrownBy(() -> Template.fill("t", "{{a}}", Map.of("a", 1, "c", 2)))
                .hasMessage("report template t: value c has no placeholder");
    }
}
