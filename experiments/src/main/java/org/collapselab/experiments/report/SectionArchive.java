package org.collapselab.experiments.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.collapselab.experiments.store.ResultStore;
import org.collapselab.experiments.store.StoredSection;

/**
 * Keeps report sections in the result database, so that {@code reproduce mnist} run after {@code reproduce gaussian}
 * into the same folder yields one report with both sections.
 */
public final class SectionArchive {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SectionArchive() {}

    /** Stores (replacing one with the same id) a section. */
    public static void save(ResultStore store, ReportSection section) {
        try {
            store.putSection(new StoredSection(
                    section.id(),
                    section.title(),
                    section.bodyHtml(),
                    JSON.writeValueAsString(section.claims()),
                    System.currentTimeMillis()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode claims of section " + section.id(), e);
        }
    }

    /** Every stored section, in the given preferred order of ids first, then the rest by id. */
    public static List<ReportSection> load(ResultStore store, List<String> preferredOrder) {
        List<ReportSection> all = new ArrayList<>();
        for (StoredSection s : store.sections()) {
            List<Claim> claims;
            try {
                claims = JSON.readValue(s.claimsJson(), new TypeReference<List<Claim>>() {});
            } catch (JsonProcessingException e) {
                claims = List.of();
            }
            all.add(new ReportSection(s.id(), s.title(), s.bodyHtml(), claims));
        }
        all.sort((a, b) -> {
            int ia = preferredOrder.indexOf(a.id());
            int ib = preferredOrder.indexOf(b.id());
            ia = ia < 0 ? Integer.MAX_VALUE : ia;
            ib = ib < 0 ? Integer.MAX_VALUE : ib;
            return ia != ib ? Integer.compare(ia, ib) : a.id().compareTo(b.id());
        });
        return all;
    }
}
