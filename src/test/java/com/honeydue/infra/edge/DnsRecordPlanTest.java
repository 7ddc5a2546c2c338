package com.honeydue.infra.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.honeydue.infra.values.NodeSpec;
import com.honeydue.infra.edge.DnsRecordPlan.PlannedRecord;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DnsRecordPlanTest {
    private static final NodeSpec N1 = new NodeSpec("ovhcloud1", "51.81.83.33", Optional.of("2604:2dc0:101:200::5a9a"), "vps-1624d691");
    private static final NodeSpec N2 = new NodeSpec("ovhcloud2", "51.81.87.86", Optional.of("2604:2dc0:101:200::30d4"), "vps-c0f51be2");
    private static final NodeSpec N3 = new NodeSpec("ovhcloud3", "51.81.85.248", Optional.empty(), "vps-dbca24c7");
    private static final List<String> HOSTS = List.of("api.myhoneydue.com", "myhoneydue.com");

    @Test
    void oneARecordPerHostnamePerNode() {
        List<PlannedRecord> plan = DnsRecordPlan.plan(HOSTS, List.of(N1, N2, N3), false, "ovh");
        assertThat(plan).extracting(PlannedRecord::resourceName).containsExactly(
                "api.myhoneydue.com-ovhcloud1-a", "api.myhoneydue.com-ovhcloud2-a", "api.myhoneydue.com-ovhcloud3-a",
                "myhoneydue.com-ovhcloud1-a", "myhoneydue.com-ovhcloud2-a", "myhoneydue.com-ovhcloud3-a");
        assertThat(plan).allSatisfy(r -> {
            assertThat(r.type()).isEqualTo("A");
            assertThat(r.comment()).isEqualTo("managed by honeydue-infra stack ovh");
        });
        assertThat(plan.get(4)).isEqualTo(new PlannedRecord("myhoneydue.com-ovhcloud2-a", "myhoneydue.com", "ovhcloud2", "A",
                "51.81.87.86", "managed by honeydue-infra stack ovh"));
    }

    @Test
    void aaaaRecordsOnlyWhenAskedAndOnlyForNodesWithIpv6() {
        assertThat(DnsRecordPlan.plan(HOSTS, List.of(N1, N2, N3), false, "ovh")).noneMatch(r -> r.type().equals("AAAA"));
        List<PlannedRecord> v6 = DnsRecordPlan.plan(List.of("api.myhoneydue.com"), List.of(N1, N2, N3), true, "ovh").stream()
                .filter(r -> r.type().equals("AAAA")).toList();
        assertThat(v6).extracting(PlannedRecord::resourceName, PlannedRecord::content).containsExactly(
                org.assertj.core.groups.Tuple.tuple("api.myhoneydue.com-ovhcloud1-aaaa", "2604:2dc0:101:200::5a9a"),
                org.assertj.core.groups.Tuple.tuple("api.myhoneydue.com-ovhcloud2-aaaa", "2604:2dc0:101:200::30d4"));
    }

    @Test
    void namesFollowTheNodeNotItsPosition() {
        var before = DnsRecordPlan.plan(HOSTS, List.of(N1, N2, N3), false, "ovh");
        var withoutMiddle = DnsRecordPlan.plan(HOSTS, List.of(N1, N3), false, "ovh");
        assertThat(before).containsAll(withoutMiddle);
        assertThat(before).filteredOn(r -> !withoutMiddle.contains(r)).extracting(PlannedRecord::nodeAlias).containsOnly("ovhcloud2");

        var reordered = DnsRecordPlan.plan(HOSTS, List.of(N3, N1, N2), false, "ovh");
        assertThat(reordered).containsExactlyInAnyOrderElementsOf(before);
    }
}
