package com.offpeak.reference;

/**
 * Target command mix of the benchmark stream (fractions of all commands after the prefill).
 * The generator draws each command's kind from these; the mix actually produced is printed by
 * {@link StreamStats} (a reduce whose target is too small to shrink becomes a move, for example).
 */
public enum Mix {
    /** exchange-core's published benchmark mix: 9% GTC, 3% IOC, 6% cancel, 82% move. */
    EXCHANGE_CORE(0.82, 0.00, 0.09, 0.06, 0.03),
    /**
     * Offpeak's exchange mix mapped onto exchange-core's commands: 81% amend, of which 55% reprice (MOVE)
     * and 45% change quantity (REDUCE, exchange-core cannot increase a size); 10% GTC, 6% cancel, 3% IOC.
     */
    OFFPEAK(0.81 * 0.55, 0.81 * 0.45, 0.10, 0.06, 0.03);

    final double move;
    final double reduce;
    final double gtc;
    final double cancel;
    final double ioc;

    Mix(double move, double reduce, double gtc, double cancel, double ioc) {
        this.move = move;
        this.reduce = reduce;
        this.gtc = gtc;
        this.cancel = cancel;
        this.ioc = ioc;
    }

    /** Maps a uniform draw in [0,1) onto a command kind; the IOC share takes whatever is left. */
    Kind pick(double u) {
        if ((u -= move) < 0) return Kind.MOVE;
        if ((u -= reduce) < 0) return Kind.REDUCE;
        if ((u -= gtc) < 0) return Kind.GTC;
        if ((u -= cancel) < 0) return Kind.CANCEL;
        return Kind.IOC;
    }

    enum Kind { MOVE, REDUCE, GTC, CANCEL, IOC }
}
