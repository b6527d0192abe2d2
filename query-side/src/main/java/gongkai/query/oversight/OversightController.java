package gongkai.query.oversight;

import gongkai.events.access.Actor;
import gongkai.http.Problems;
import gongkai.query.access.ReadAccess;
import gongkai.query.oversight.OversightBoard.Line;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code GET /api/agencies/{agencyId}/oversight/{year}?sort=&order=} (docs/http-api.md, "Oversight board"): the
 * board of every agency under the agency, for readers of the agency (its subtree is theirs to read).
 */
@RestController
public class OversightController {

    /** The columns the board sorts by; null values last either way. */
    static final Map<String, Function<Line, Comparable<?>>> SORTABLE = new LinkedHashMap<>();

    static {
        SORTABLE.put("agencyId", Line::agencyId);
        SORTABLE.put("name", Line::name);
        SORTABLE.put("kind", Line::kind);
        SORTABLE.put("deadline", Line::deadline);
        SORTABLE.put("publishedOn", Line::publishedOn);
        SORTABLE.put("late", Line::late);
        SORTABLE.put("failedChecks", Line::failedChecks);
        SORTABLE.put("changedSincePublication", Line::changedSincePublication);
        SORTABLE.put("applications", Line::applications);
        SORTABLE.put("open", Line::open);
        SORTABLE.put("overdue", Line::overdue);
        SORTABLE.put("onTimeRate", Line::onTimeRate);
    }

    private final OversightBoard board;

    public OversightController(OversightBoard board) {
        this.board = board;
    }

    @GetMapping("/api/agencies/{agencyId}/oversight/{year}")
    public Map<String, Object> board(@PathVariable String agencyId, @PathVariable int year,
                                     @RequestParam(required = false) String sort,
                                     @RequestParam(defaultValue = "asc") String order,
                                     @AuthenticationPrincipal Actor reader) {
        ReadAccess.requireAgency(reader, agencyId);
        if (year < 2000 || year > 2100) {
            throw Problems.Refused.badInput("year", "年份超出范围 (year must be between 2000 and 2100)");
        }
        if (sort != null && !SORTABLE.containsKey(sort)) {
            throw Problems.Refused.badInput("sort", "不能按此排序 (sort must be one of " + SORTABLE.keySet() + ")");
        }
        if (!order.equals("asc") && !order.equals("desc")) {
            throw Problems.Refused.badInput("order", "顺序只能是 asc 或 desc (order must be asc or desc)");
        }
        List<Line> lines = board.lines(agencyId, year);
        if (lines.isEmpty()) {
            throw Problems.Refused.notFound("该年末不存在这一机关 (no open agency " + agencyId + " at the end of " + year + ")");
        }
        if (sort != null) {
            lines = lines.stream().sorted(by(SORTABLE.get(sort), order.equals("desc"))).toList();
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("agencyId", agencyId);
        answer.put("year", year);
        answer.put("sort", sort);
        answer.put("order", order);
        answer.put("agencies", lines);
        answer.put("late", lines.stream().filter(Line::late).count());
        answer.put("published", lines.stream().filter(Line::published).count());
        return answer;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<Line> by(Function<Line, Comparable<?>> key, boolean descending) {
        Comparator<Comparable> natural = descending ? Comparator.<Comparable>naturalOrder().reversed()
                                                    : Comparator.naturalOrder();
        return Comparator.comparing(line -> (Comparable) key.apply(line), Comparator.nullsLast(natural));
    }
}
