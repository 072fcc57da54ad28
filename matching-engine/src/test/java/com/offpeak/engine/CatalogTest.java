package com.offpeak.engine;

import com.offpeak.engine.catalog.Catalog;
import com.offpeak.engine.catalog.Instrument;
import com.offpeak.engine.catalog.Interconnect;
import org.junit.jupiter.api.Test;

import java.io.StringReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogTest
{
    private static final String HEADER =
        "id,generation,year,memoryGb,interconnect,gpusPerNode,tickSize,minDurationMinutes,maxGpus,maxDurationMinutes\n";

    @Test
    void theDefaultCatalogHasCurrentAndOldGenerationsInFileOrder()
    {
        final Catalog catalog = Catalog.loadDefault();
        assertThat(catalog.all()).extracting(Instrument::id)
            .containsExactly("H100-SXM", "A100-80G", "L40S", "L4", "A10G", "V100", "T4");
        final Instrument v100 = catalog.byId("V100");
        assertThat(v100.index()).isEqualTo(5);
        assertThat(v100.interconnect()).isEqualTo(Interconnect.NVLINK);
        assertThat(v100.minDurationMillis()).isEqualTo(60 * 60_000L);
        assertThat(catalog.get(7)).isNull();
        assertThat(catalog.get(-1)).isNull();
    }

    @Test
    void aMalformedFileFailsWithItsNameAndLine()
    {
        assertThatThrownBy(() -> Catalog.parse(new StringReader(HEADER + "H100,Hopper,2022,80,nvlink,8,10000,60,1024\n"), "bad.csv"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad.csv:2").hasMessageContaining("columns");
        assertThatThrownBy(() -> Catalog.parse(new StringReader(HEADER + "H100,Hopper,x,80,nvlink,8,10000,60,1024,10080\n"), "bad.csv"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad.csv:2");
        assertThatThrownBy(() -> Catalog.parse(new StringReader(HEADER + "H100,Hopper,2022,80,infiniband,8,10000,60,1024,10080\n"),
            "bad.csv")).hasMessageContaining("bad.csv:2");
        assertThatThrownBy(() -> Catalog.parse(new StringReader(HEADER + "H100,Hopper,2022,80,nvlink,8,0,60,1024,10080\n"), "bad.csv"))
            .hasMessageContaining("bad.csv:2");
        assertThatThrownBy(() -> Catalog.parse(new StringReader(HEADER), "empty.csv")).hasMessageContaining("no instruments");
        assertThatThrownBy(() -> Catalog.parse(new StringReader(HEADER + "T4,Turing,2018,16,pcie,4,1000,60,512,10080\n" +
            "T4,Turing,2018,16,pcie,4,1000,60,512,10080\n"), "dup.csv")).hasMessageContaining("duplicate instrument T4");
    }
}
