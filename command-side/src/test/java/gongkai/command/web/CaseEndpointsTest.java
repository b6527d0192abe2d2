package gongkai.command.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import gongkai.command.access.Actor;
import gongkai.command.access.CommandSender;
import gongkai.command.access.Role;
import gongkai.command.lawsuit.LawsuitCommands.JudgeLawsuit;
import gongkai.command.lawsuit.LawsuitController;
import gongkai.command.proactive.DocumentCommands.Issue;
import gongkai.command.proactive.DocumentCommands.IssueDocument;
import gongkai.command.proactive.ProactiveController;
import gongkai.command.proactive.RegisterCommands.RecordFees;
import gongkai.command.report.ReportCommands.WriteNarrative;
import gongkai.command.report.ReportController;
import gongkai.command.review.ReviewCommands.FileReview;
import gongkai.command.review.ReviewCommands.Filing;
import gongkai.command.review.ReviewController;
import gongkai.events.CaseResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.method.annotation.AuthenticationPrincipalArgumentResolver;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The new controllers' own work, without Spring Boot or a database: the HTTP shape (status codes,
 * problem details, the {@code "final"} key), the agency checks and the ids. The command bus is a stub
 * that records what was sent.
 */
class CaseEndpointsTest {

    private static final String REVIEW = "6f1c2a58-0d7e-4b8e-9a51-3c2d8e1f4a01";

    private final List<Object> sent = new ArrayList<>();
    private Function<Object, Object> answer = command -> null;
    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        CommandSender stub = new CommandSender(null) {
            @Override
            @SuppressWarnings("unchecked")
            public <R> R send(Object command, Actor actor) {
                sent.add(command);
                return (R) answer.apply(command);
            }
        };
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                                              .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                                              .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                                              .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class);
        mvc = MockMvcBuilders.standaloneSetup(new ReviewController(stub), new LawsuitController(stub),
                                              new ProactiveController(stub), new ReportController(stub))
                             .setControllerAdvice(new ErrorHandling())
                             .setCustomArgumentResolvers(new AuthenticationPrincipalArgumentResolver())
                             .setMessageConverters(new MappingJackson2HttpMessageConverter(json))
                             .build();
        Actor clerk = new Actor("li", Set.of(Role.CLERK), "xiaoying");
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(clerk, null, clerk.authorities()));
    }

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    @Test
    void aNewReviewIsAnswered201AndARepeat200() throws Exception {
        String body = "{\"reviewId\":\"" + REVIEW.toUpperCase() + "\",\"agencyId\":\"xiaoying\",\"filedOn\":\"2024-01-10\"}";
        answer = command -> new Filing(REVIEW, true);
        mvc.perform(json(post("/api/reviews"), body))
           .andExpect(status().isCreated())
           .andExpect(jsonPath("$.reviewId").value(REVIEW));
        answer = command -> new Filing(REVIEW, false);
        mvc.perform(json(post("/api/reviews"), body))
           .andExpect(status().isOk())
           .andExpect(jsonPath("$.reviewId").value(REVIEW));
        assertThat(sent).hasSize(2).first().isInstanceOf(FileReview.class);
        assertThat(((FileReview) sent.get(0)).reviewId()).isEqualTo(REVIEW);
    }

    @Test
    void aReviewOfAnotherAgencyIsBadInputOnAgencyId() throws Exception {
        mvc.perform(json(post("/api/reviews"), "{\"agencyId\":\"luanping\",\"filedOn\":\"2024-01-10\"}"))
           .andExpect(status().isBadRequest())
           .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
           .andExpect(jsonPath("$.errors[0].field").value("agencyId"));
        assertThat(sent).isEmpty();
    }

    @Test
    void aReviewIdThatIsNotAUuidIsBadInput() throws Exception {
        mvc.perform(json(post("/api/reviews"), "{\"reviewId\":\"r-1\",\"agencyId\":\"xiaoying\",\"filedOn\":\"2024-01-10\"}"))
           .andExpect(status().isBadRequest())
           .andExpect(jsonPath("$.errors[0].field").value("reviewId"));
        assertThat(sent).isEmpty();
    }

    @Test
    void aLawsuitNamingAReviewThatIsNotAUuidIsBadInput() throws Exception {
        mvc.perform(json(post("/api/lawsuits"), "{\"agencyId\":\"xiaoying\",\"filedOn\":\"2024-01-10\","
                                                + "\"route\":\"AFTER_REVIEW\",\"reviewId\":\"review 1\"}"))
           .andExpect(status().isBadRequest())
           .andExpect(jsonPath("$.errors[0].field").value("reviewId"));
        assertThat(sent).isEmpty();
    }

    @Test
    void theJudgmentsFinalFlagIsTheJsonKeyFinal() throws Exception {
        mvc.perform(json(post("/api/lawsuits/" + REVIEW + "/judgment"),
                         "{\"decidedOn\":\"2024-03-01\",\"result\":\"CORRECTED\",\"final\":true}"))
           .andExpect(status().isOk())
           .andExpect(jsonPath("$.recorded").value("LawsuitJudged"));
        assertThat(sent).containsExactly(new JudgeLawsuit(REVIEW, java.time.LocalDate.of(2024, 3, 1),
                                                          CaseResult.CORRECTED, true));
    }

    @Test
    void aJudgmentWithoutTheFinalFlagIsBadInputOnFinal() throws Exception {
        mvc.perform(json(post("/api/lawsuits/" + REVIEW + "/judgment"),
                         "{\"decidedOn\":\"2024-03-01\",\"result\":\"CORRECTED\"}"))
           .andExpect(status().isBadRequest())
           .andExpect(jsonPath("$.errors[0].field").value("final"));
        assertThat(sent).isEmpty();
    }

    @Test
    void anotherAgencysPathIsForbidden() throws Exception {
        mvc.perform(json(post("/api/agencies/luanping/documents"),
                         "{\"kind\":\"RULE\",\"title\":\"办法\",\"issuedOn\":\"2024-01-10\"}"))
           .andExpect(status().isForbidden())
           .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
           .andExpect(jsonPath("$.status").value(403))
           .andExpect(jsonPath("$.title").value("Forbidden"));
        mvc.perform(json(put("/api/agencies/luanping/reports/2023/narrative"),
                         "{\"overview\":\"a\",\"problems\":\"b\",\"other\":\"c\"}"))
           .andExpect(status().isForbidden());
        assertThat(sent).isEmpty();
    }

    @Test
    void aDocumentIsRecordedInTheClerksAgency() throws Exception {
        answer = command -> new Issue(((IssueDocument) command).documentId(), true);
        mvc.perform(json(post("/api/agencies/xiaoying/documents"),
                         "{\"kind\":\"NORMATIVE_DOCUMENT\",\"title\":\"办法\",\"issuedOn\":\"2024-01-10\"}"))
           .andExpect(status().isCreated())
           .andExpect(jsonPath("$.documentId").isNotEmpty());
        assertThat(((IssueDocument) sent.get(0)).agencyId()).isEqualTo("xiaoying");
    }

    @Test
    void feesAreADecimalStringInYuan() throws Exception {
        mvc.perform(json(post("/api/agencies/xiaoying/fees"), "{\"collectedOn\":\"2024-01-10\",\"amountYuan\":\"12.50\"}"))
           .andExpect(status().isCreated())
           .andExpect(jsonPath("$.feeId").isNotEmpty());
        assertThat(((RecordFees) sent.get(0)).amountYuan()).isEqualByComparingTo(new BigDecimal("12.5"));
    }

    @Test
    void theNarrativeIsPutAsAWhole() throws Exception {
        answer = command -> true;
        mvc.perform(json(put("/api/agencies/xiaoying/reports/2023/narrative"),
                         "{\"overview\":\"总体情况\",\"problems\":\"\",\"other\":\"无\"}"))
           .andExpect(status().isOk())
           .andExpect(jsonPath("$.recorded").value("NarrativeWritten"));
        assertThat(sent).containsExactly(new WriteNarrative("xiaoying", 2023, "总体情况", "", "无"));
        mvc.perform(json(put("/api/agencies/xiaoying/reports/2023/narrative"), "{\"overview\":\"总体情况\"}"))
           .andExpect(status().isBadRequest());
    }
}
