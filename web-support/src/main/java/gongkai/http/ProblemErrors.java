package gongkai.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.Map;

/**
 * What the servlet container answers itself (a malformed URL, a failure outside Spring MVC) goes to
 * {@code /error}: answered here as a problem with the container's status, in place of Boot's
 * default page. Asked for directly, {@code /error} is a resource that does not exist: 404.
 */
@RestController
public class ProblemErrors implements ErrorController {

    private final ObjectMapper json;

    public ProblemErrors(ObjectMapper json) {
        this.json = json;
    }

    @RequestMapping("${server.error.path:/error}")
    public void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.resolve(value) : HttpStatus.NOT_FOUND;
        if (status.is2xxSuccessful()) {
            status = HttpStatus.NOT_FOUND;
        }
        if (!response.isCommitted()) {
            response.resetBuffer();
            Problems.write(response, json, status, status.is5xxServerError()
                    ? "内部错误 (internal error)" : "请求无效 (the request cannot be answered: " + status.getReasonPhrase() + ")",
                           Map.of());
        }
    }
}
