package gongkai.query.agency;

import gongkai.events.access.Actor;
import gongkai.events.access.Role;
import gongkai.query.access.ReadAccess;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The scopes of docs/agencies.md ("Scopes") from the tree as it stands today, given to {@link ReadAccess} for
 * each request. Only asked when a reader reads beyond their own agency, or lists one.
 */
@Component
public class AgencyScopes extends OncePerRequestFilter implements ReadAccess.Scopes {

    private final AgencyChanges changes;

    public AgencyScopes(AgencyChanges changes) {
        this.changes = changes;
    }

    @Override
    public Set<String> beyondOwn(Actor reader) {
        if (reader.agencyId() == null) {
            return Set.of();
        }
        AgencyTree tree = changes.today();
        Set<String> readable = new HashSet<>(tree.predecessors(reader.agencyId()));
        if (reader.is(Role.AUDITOR)) {
            readable.addAll(tree.rollUp(reader.agencyId()));
        }
        return readable;
    }

    @Override
    public List<String> predecessors(String agencyId) {
        return changes.today().predecessors(agencyId);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ReadAccess.use(this);
        try {
            chain.doFilter(request, response);
        } finally {
            ReadAccess.done();
        }
    }
}
