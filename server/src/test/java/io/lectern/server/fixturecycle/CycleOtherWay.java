package io.lectern.server.fixturecycle;

import io.lectern.server.fixture.CycleOneWay;

/** With {@link CycleOneWay}, breaks "modules have no cycles". */
public final class CycleOtherWay {

    public CycleOneWay back() {
        return new CycleOneWay();
    }
}
