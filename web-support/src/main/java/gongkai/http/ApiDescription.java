package gongkai.http;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;

/**
 * The OpenAPI 3 description of a side, generated from its controllers (springdoc), with HTTP Basic
 * and the problem answers every operation may give (application/problem+json: status, title, detail,
 * errors), so that a script writer reads the API from {@code /v3/api-docs} or tries it in Swagger UI.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDescription {

    private static final String PROBLEM = "Problem";

    private static final Map<String, String> PROBLEMS = Map.of(
            "400", "请求内容有误 (bad input: errors names the fields)",
            "401", "请先登录 (sign in with HTTP Basic)",
            "403", "无权执行此操作 (your role or agency does not allow this)",
            "404", "不存在 (no such case or resource)",
            "409", "与案件状态冲突 (the case's state does not allow this, or an Idempotency-Key in flight)",
            "413", "请求内容过大 (the body is over the limit)",
            "415", "请求内容类型不受支持 (send application/json)",
            "422", "Idempotency-Key 已用于另一个请求 (the key was used for another request)",
            "429", "登录尝试过多 (too many failed sign-ins: see Retry-After)",
            "503", "数据库暂时不可用 (the database is away: retry after Retry-After)");

    @Bean
    public OpenAPI gongkaiOpenApi(@Value("${spring.application.name:gongkai}") String name) {
        return new OpenAPI()
                .info(new Info().title(name).description("gongkai 公开: the HTTP API of this side (see README)"))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }

    /** Every operation may answer these problems. */
    @Bean
    public OpenApiCustomizer problemAnswers() {
        return api -> {
            if (api.getComponents() == null) {
                api.setComponents(new Components());
            }
            api.getComponents().addSchemas(PROBLEM, problemSchema());
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths().values().forEach(path -> path.readOperations().forEach(operation ->
                    PROBLEMS.forEach((status, description) -> {
                        if (operation.getResponses() != null && !operation.getResponses().containsKey(status)) {
                            operation.getResponses().addApiResponse(status, new ApiResponse().description(description)
                                    .content(new Content().addMediaType("application/problem+json",
                                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
                        }
                    })));
        };
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        ObjectSchema error = new ObjectSchema();
        error.addProperty("field", new StringSchema());
        error.addProperty("message", new StringSchema());
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 problem details");
        problem.addProperty("type", new StringSchema());
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema());
        problem.addProperty("detail", new StringSchema());
        problem.addProperty("instance", new StringSchema());
        problem.addProperty("errors", new ArraySchema().items(error));
        return problem;
    }
}
