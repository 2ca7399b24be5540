package org.ventanilla.routing.state;

class MemoryLiveStateTest implements LiveStateContract {

    @Override
    public LiveState newState() {
        return new MemoryLiveState();
    }
}
