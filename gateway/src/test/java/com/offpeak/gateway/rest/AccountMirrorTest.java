package com.offpeak.gateway.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccountMirrorTest
{
    @Test
    void aPartialPreemptionLeavesTheLeaseRunningWithItsOtherGpus()
    {
        final AccountMirror mirror = new AccountMirror(1);
        mirror.leaseStarted(7, "H100-SXM", 42, 9, 3, 1, 16, 1_000, 3_601_000, 2_000_000, true);

        mirror.leaseEnded(7, 8);
        assertThat(mirror.leasesOf(42)).hasSize(1);
        assertThat(mirror.leasesOf(42).getJsonObject(0).getInteger("gpus")).isEqualTo(8);

        mirror.leaseEnded(7, 8);
        assertThat(mirror.leasesOf(42)).isEmpty();
        assertThat(mirror.leasesOf(9)).as("the owner's view too").isEmpty();
    }
}
