package org.collapselab.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /api/openapi.json} describes the real API: every documented operation is called on a running server with
 * the example below, and each answer (status and body) must match the documented response schema (JSON Schema
 * 2020-12, as OpenAPI 3.1 uses). An operation the description lists and this test does not call fails the test, and
 * so does a call whose status the description does not list.
 */
class OpenApiTest {
    static CollapseLabServer server;
    static TestClient client;
    static final ObjectMapper JSON = new ObjectMapper();
    static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    @BeforeAll
    static void start() throws Exception {
        Path out = Files.createTempDirectory("openapi-out");
        Path study = Files.createDirectories(out.resolve("s"));
        try (var store = org.collapselab.experiments.store.ResultStore.open(study.resolve("results.db"))) {
            store.put(org.collapselab.experiments.store.StoredCell.now("k", "e", "{\"d\":1}", "{\"mean\":0.5}", 0.1));
        }
        Files.writeString(study.resolve("report.html"), "<html></html>");
        server = CollapseLabServer.start(new ServerConfig("127.0.0.1", 0, out, 1));
        client = new TestClient(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Example calls: method, path (with query), body (POST) and the expected status, keyed by operationId. */
    static Map<String, List<String[]>> examples(String jobId) {
        Map<String, List<String[]>> e = new LinkedHashMap<>();
        e.put("info", List.<String[]>of(new String[] {"GET", "/api/info", null, "200"}));
        e.put(
                "theory",
                List.of(
                        new String[] {"GET", "/api/theory?d=50&n=200&p2=0.2&sigma=0.5&lambda=0.01", null, "200"},
                        new String[] {"GET", "/api/theory?d=50&n=200&p2=0.2&sweep=n:20:2000:5:log", null, "200"},
                        new String[] {
                            "GET", "/api/theory?d=50&n=200&generations=2&fresh-real=0.5&lambda=0.01", null, "200"
                        },
                        new String[] {"GET", "/api/theory?d=50&n=50&lambda=0", null, "422"},
                        new String[] {"GET", "/api/theory?d=50&n=200&p2=2", null, "400"}));
        e.put(
                "view",
                List.of(
                        new String[] {"GET", "/api/view?d=50&n=200&p2=0.2&sigma=0.5&lambda=0", null, "200"},
                        new String[] {
                            "GET",
                            "/api/view?d=50&n=200&generations=2&schedule=accumulate&fresh-real=0.5&lambda=0.01",
                            null,
                            "200"
                        },
                        new String[] {"GET", "/api/view?d=50&n=200&sigma=", null, "400"}));
        e.put(
                "simulate",
                List.of(
                        new String[] {
                            "POST",
                            "/api/simulate",
                            "{\"params\": {\"d\": 10, \"n\": 40, \"p2\": 0.2}, "
                                    + "\"sweep\": \"n:20:40:2\", \"runs\": 2}",
                            "202"
                        },
                        new String[] {"POST", "/api/simulate", "{\"params\": {\"d\": 10}}", "400"}));
        e.put(
                "diagnose",
                List.of(
                        new String[] {
                            "POST",
                            "/api/diagnose",
                            DiagnoseApiTest.body(
                                    DiagnoseApiTest.gaussian(100, false, 1),
                                    DiagnoseApiTest.gaussian(100, true, 2),
                                    "\"splits\": 2"),
                            "200"
                        },
                        new String[] {"POST", "/api/diagnose", "{\"real\": \"a,y\\n1,2\\n\"}", "400"},
                        new String[] {
                            "POST", "/api/diagnose", DiagnoseApiTest.body("a,y\n1,2\n", "a,y\n1,2\n", ""), "422"
                        }));
        e.put(
                "forecast",
                List.of(
                        new String[] {
                            "POST",
                            "/api/forecast",
                            ForecastApiTest.body(ForecastApiTest.pilots(), "\"bootstrap\": 20"),
                            "200"
                        },
                        new String[] {"POST", "/api/forecast", "{}", "400"},
                        new String[] {"POST", "/api/forecast", ForecastApiTest.body("n,p2,error\n10,0,-1\n", ""), "422"
                        }));
        e.put("jobs", List.<String[]>of(new String[] {"GET", "/api/jobs", null, "200"}));
        e.put("job", List.of(new String[] {"GET", "/api/jobs/" + jobId, null, "200"}, new String[] {
            "GET", "/api/jobs/nope", null, "404"
        }));
        e.put("cancelJob", List.<String[]>of(new String[] {"DELETE", "/api/jobs/" + jobId, null, "200"}));
        e.put("studies", List.<String[]>of(new String[] {"GET", "/api/studies", null, "200"}));
        e.put(
                "cells",
                List.of(
                        new String[] {"GET", "/api/studies/cells?path=s&experiment=e", null, "200"},
                        new String[] {"GET", "/api/studies/cells?path=s&experiment=nope", null, "400"}));
        e.put("file", List.of(new String[] {"GET", "/files/s/report.html", null, "200"}, new String[] {
            "GET", "/files/s/nope.html", null, "404"
        }));
        e.put("openapi", List.<String[]>of(new String[] {"GET", "/api/openapi.json", null, "200"}));
        return e;
    }

    @Test
    void everyOperationAnswersAsDescribed() throws Exception {
        JsonNode doc = JSON.readTree(client.get("/api/openapi.json").body());
        assertThat(doc.get("openapi").asString()).isEqualTo("3.1.0");
        String jobId = JSON.readTree(client.post("/api/simulate", "{\"params\": {\"d\": 5, \"n\": 20}, \"runs\": 1}")
                        .body())
                .get("id")
                .asString();
        Map<String, List<String[]>> examples = examples(jobId);
        List<String> documented = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (op.getKey().equals("parameters")) {
                    continue;
                }
                String id = op.getValue().get("operationId").asString();
                documented.add(id);
                assertThat(examples).as("an example call for " + id).containsKey(id);
                for (String[] call : examples.get(id)) {
                    check(doc, op.getKey().toUpperCase(java.util.Locale.ROOT), op.getValue(), call);
                }
            }
        }
        assertThat(documented).containsExactlyInAnyOrderElementsOf(examples.keySet());
    }

    private static void check(JsonNode doc, String method, JsonNode op, String[] call) throws Exception {
        assertThat(call[0]).as(call[1]).isEqualTo(method);
        TestClient.Reply r =
                switch (method) {
                    case "GET" -> client.get(call[1]);
                    case "POST" -> client.post(call[1], call[2]);
                    default -> client.delete(call[1]);
                };
        String what = method + " " + call[1] + " -> " + r.status() + " " + r.body();
        assertThat(String.valueOf(r.status())).as(what).isEqualTo(call[3]);
        JsonNode response = op.get("responses").get(call[3]);
        assertThat(response).as("documented status for " + what).isNotNull();
        JsonNode schema = response.path("content").path("application/json").path("schema");
        if (schema.isMissingNode()) {
            return; // not JSON (a file)
        }
        ObjectNode root = (ObjectNode) doc.deepCopy();
        root.remove("paths");
        root.putArray("allOf").add(schema);
        Schema s = SCHEMAS.getSchema(root);
        List<Error> errors = s.validate(JSON.readTree(r.body()));
        assertThat(errors).as(what).isEmpty();
    }

    @Test
    void theSchemasCatchAWrongAnswer() throws Exception {
        JsonNode doc = JSON.readTree(client.get("/api/openapi.json").body());
        ObjectNode root = (ObjectNode) doc.deepCopy();
        root.remove("paths");
        root.putArray("allOf").addObject().put("$ref", "#/components/schemas/View");
        Schema s = SCHEMAS.getSchema(root);
        ObjectNode view =
                (ObjectNode) JSON.readTree(client.get("/api/view?d=20&n=100").body());
        assertThat(s.validate(view)).isEmpty();
        ((ObjectNode) view.get("curves").get("n")).putArray("testError").add("zero");
        assertThat(s.validate(view)).isNotEmpty();
        view.remove("floor");
        Iterator<Error> it = s.validate(view).iterator();
        assertThat(it.hasNext()).isTrue();
    }
}
