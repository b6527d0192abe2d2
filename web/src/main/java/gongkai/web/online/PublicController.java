package gongkai.web.online;

import com.fasterxml.jackson.databind.JsonNode;
import gongkai.events.application.ApplicantType;
import gongkai.web.sides.Refused;
import gongkai.web.sides.Sides;
import gongkai.web.text.Zh;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The applicants' pages, open to anyone (no account): {@code /apply}, the application form (zh-CN, usable on a
 * phone), and {@code /track}, the status of one's own application by query code and the last four digits of the
 * phone. A CAPTCHA drawn here ({@link Captcha}) and a limit per address ({@link AddressLimit}) keep robots out;
 * the command side checks the form (ID number and its check digit, phone, e-mail) and its field errors are shown
 * under the fields. Personal data goes only in the POST bodies: never in an address or a log line.
 */
@Controller
public class PublicController {

    private static final String CAPTCHA = PublicController.class.getName() + ".captcha";
    static final Map<String, String> APPLICANT_TYPES = new LinkedHashMap<>();

    static {
        for (ApplicantType type : ApplicantType.values()) {
            APPLICANT_TYPES.put(type.name(), type.label());
        }
    }

    private final Sides sides;
    private final AddressLimit limit;
    private final Captcha captcha;
    private final PublicFormUploads uploads;

    public PublicController(Sides sides, AddressLimit limit, PublicFormUploads uploads,
                            @Value("${gongkai.public.captcha-seed:#{null}}") Long captchaSeed) {
        this.sides = sides;
        this.limit = limit;
        this.uploads = uploads;
        // A fixed seed only for tests that must read the CAPTCHA as a person would; never set in production.
        this.captcha = new Captcha(captchaSeed == null ? new SecureRandom() : new Random(captchaSeed));
    }

    @GetMapping("/apply")
    public ModelAndView form(HttpSession session) {
        return form(session, Map.of(), null, Map.of(), HttpStatus.OK);
    }

    @GetMapping(value = "/apply/captcha.png", produces = MediaType.IMAGE_PNG_VALUE)
    public ResponseEntity<byte[]> captchaImage(HttpSession session) {
        Object code = session.getAttribute(CAPTCHA);
        if (code == null) {
            code = captcha.nextCode();
            session.setAttribute(CAPTCHA, code);
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.IMAGE_PNG)
                             .body(captcha.png(code.toString()));
    }

    /**
     * The submission, with the files attached to it ({@code files}, none or several), sent on to the command side as
     * one request: the command side checks the form and every file before it records anything, and its reasons are
     * shown beside their fields (a file's beside the files).
     */
    @PostMapping("/apply")
    public ModelAndView submit(@RequestParam Map<String, String> posted,
                               @RequestParam(name = "files", required = false) List<MultipartFile> files,
                               HttpServletRequest request, HttpSession session) {
        if (!limit.allow("apply", request.getRemoteAddr())) {
            return form(session, posted, "提交过于频繁，请一分钟后再试。", Map.of(), HttpStatus.TOO_MANY_REQUESTS);
        }
        // a file input left empty is sent as a part without a name or content
        List<MultipartFile> attached = files == null ? List.of()
                : files.stream().filter(f -> !f.isEmpty() || f.getOriginalFilename() != null && !f.getOriginalFilename().isEmpty())
                       .toList();
        Object expected = session.getAttribute(CAPTCHA);
        session.removeAttribute(CAPTCHA); // one try per picture
        if (!Captcha.matches(expected == null ? null : expected.toString(), posted.get("captcha"))) {
            return form(session, posted, null, Map.of("captcha", "验证码不正确，请重新输入。"), HttpStatus.BAD_REQUEST);
        }
        Map<String, Object> applicant = new LinkedHashMap<>();
        for (String field : List.of("name", "idNumber", "phone", "email", "address")) {
            String value = posted.get("applicant." + field);
            applicant.put(field, value == null || value.isBlank() ? null : value.strip());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agencyId", blankToNull(posted.get("agencyId")));
        body.put("applicantType", blankToNull(posted.get("applicantType")));
        body.put("applicant", applicant);
        body.put("request", blankToNull(posted.get("request")));
        try {
            JsonNode answer = sides.postPublicWithFiles(body, attached, "/api/public/applications");
            ModelAndView done = new ModelAndView("public/applied");
            done.addObject("queryCode", answer.path("queryCode").asText());
            return done;
        } catch (Refused refused) {
            ModelAndView page = form(session, posted, refused.fieldErrors().isEmpty() ? Zh.chinese(refused.detail()) : null,
                                     refused.fieldErrors(), HttpStatus.valueOf(refused.status() >= 500 ? 503
                                                                               : refused.status() == 413 ? 413 : 400));
            // a browser never fills a file input again by itself
            page.addObject("chooseFilesAgain", !attached.isEmpty());
            return page;
        } catch (IOException unreadable) {
            throw new UncheckedIOException("the upload could not be read back", unreadable);
        }
    }

    /**
     * A body larger than the largest set of files the form takes: refused unread, with the form and the reason beside
     * the files (what was typed is not kept: the body was not read). It counts against the address's limit like any
     * submission.
     */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    public ModelAndView tooLarge(HttpServletRequest request, HttpSession session) {
        if (!limit.allow("apply", request.getRemoteAddr())) {
            return form(session, Map.of(), "提交过于频繁，请一分钟后再试。", Map.of(), HttpStatus.TOO_MANY_REQUESTS);
        }
        return form(session, Map.of(), null, Map.of("files", "附件总量超过上限：最多 " + uploads.maxFiles() + " 个，每个不超过 "
                                                             + uploads.maxFileMegabytes() + " MB。请减少附件后重新填写。"),
                    HttpStatus.PAYLOAD_TOO_LARGE);
    }

    @GetMapping("/track")
    public ModelAndView trackForm() {
        return new ModelAndView("public/track");
    }

    /** The status; a wrong code or wrong digits show the same "not found", nothing of any other application. */
    @PostMapping("/track")
    public ModelAndView track(@RequestParam(defaultValue = "") String queryCode,
                              @RequestParam(defaultValue = "") String phoneLast4, HttpServletRequest request) {
        ModelAndView page = new ModelAndView("public/track");
        if (tooOften(request, page)) {
            return page;
        }
        try {
            JsonNode status = sides.postPublicToQuery(Map.of("queryCode", queryCode, "phoneLast4", phoneLast4),
                                                      "/api/public/status");
            page.addObject("status", sides.plain(status));
            // for the answer letter's download, posted again like the look-up (never in an address)
            page.addObject("queryCode", queryCode);
            page.addObject("phoneLast4", phoneLast4);
        } catch (Refused refused) {
            page.setStatus(refused.status() == 400 || refused.status() == 404 ? HttpStatus.NOT_FOUND : HttpStatus.SERVICE_UNAVAILABLE);
            page.addObject("problem", "未找到与查询码和手机号后四位相符的申请，请核对后再试。");
        }
        return page;
    }

    /**
     * The answer letter (答复书) of one's own answered application, with the same query code and phone digits as the
     * look-up (posted, never in an address) and under the same limit per address.
     */
    @PostMapping("/track/letter")
    public Object letter(@RequestParam(defaultValue = "") String queryCode,
                         @RequestParam(defaultValue = "") String phoneLast4, HttpServletRequest request) {
        ModelAndView page = new ModelAndView("public/track");
        if (tooOften(request, page)) {
            return page;
        }
        try {
            return sides.postPublicToQueryForFile(Map.of("queryCode", queryCode, "phoneLast4", phoneLast4), "/api/public/letter");
        } catch (Refused refused) {
            page.setStatus(refused.status() == 400 || refused.status() == 404 ? HttpStatus.NOT_FOUND : HttpStatus.SERVICE_UNAVAILABLE);
            page.addObject("problem", "暂无可下载的答复书，请核对查询码和手机号后四位。");
            return page;
        }
    }

    /** Whether the address has looked up too often this minute (the look-ups and the letters count together). */
    private boolean tooOften(HttpServletRequest request, ModelAndView page) {
        if (limit.allow("track", request.getRemoteAddr())) {
            return false;
        }
        page.setStatus(HttpStatus.TOO_MANY_REQUESTS);
        page.addObject("problem", "查询过于频繁，请一分钟后再试。");
        return true;
    }

    private ModelAndView form(HttpSession session, Map<String, String> posted, String problem,
                              Map<String, String> errors, HttpStatus status) {
        session.setAttribute(CAPTCHA, captcha.nextCode());
        ModelAndView page = new ModelAndView("public/apply", status);
        page.addObject("agencies", agencies());
        page.addObject("applicantTypes", APPLICANT_TYPES);
        Map<String, String> values = new LinkedHashMap<>(posted);
        values.remove("captcha");
        values.remove("_csrf");
        page.addObject("values", values);
        page.addObject("problem", problem);
        page.addObject("errors", errors);
        page.addObject("maxFiles", uploads.maxFiles());
        page.addObject("maxFileMegabytes", uploads.maxFileMegabytes());
        return page;
    }

    private List<Map<String, Object>> agencies() {
        return sides.plainList(sides.readPublic("/api/public/agencies"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
