package gongkai.query.projections;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * While a projection is replaying, the query side keeps answering from its partial figures and says
 * so: every answer carries the header {@code Gongkai-Projections-Replaying} naming them, and every
 * JSON object answer a field {@code projectionsReplaying} with the same names and where to follow
 * the progress. Nothing is added when no projection replays.
 */
@RestControllerAdvice
public class ReplayNotice implements ResponseBodyAdvice<Object> {

    public static final String HEADER = "Gongkai-Projections-Replaying";

    private final ProjectionReplays replays;
    private final ObjectMapper json;

    public ReplayNotice(ProjectionReplays replays, ObjectMapper json) {
        this.replays = replays;
        this.json = json;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        String path = request.getURI().getPath();
        if (!path.startsWith("/api/") || path.startsWith("/api/projections") || path.startsWith("/api/admin/projections")) {
            return body;
        }
        List<String> replaying = replays.replayingNow();
        if (replaying.isEmpty()) {
            return body;
        }
        response.getHeaders().add(HEADER, String.join(",", replaying));
        Map<String, Object> notice = Map.of("projections", replaying, "progress", "/api/projections",
                                            "detail", "投影正在重建，数字可能不完整 (being rebuilt: figures may be partial)");
        if (body instanceof Map<?, ?> map) {
            Map<Object, Object> noted = new LinkedHashMap<>(map);
            noted.put("projectionsReplaying", notice);
            return noted;
        }
        if (body != null && body.getClass().isRecord()
            && json.valueToTree(body) instanceof ObjectNode noted) {
            // a typed answer (the annual report, say) is a JSON object too: the notice goes at its end
            noted.set("projectionsReplaying", json.valueToTree(notice));
            return noted;
        }
        return body;
    }
}
