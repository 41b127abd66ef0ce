package io.flanks.console.faults;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.SocketFactory;

/**
 * Connect faults on loopback only (this machine permits no other traffic, so the classic
 * "connect to a non-routable address" trick is out). A {@link SocketFactory} for OkHttp whose
 * sockets connect where they were asked to, or, once a test flips {@link #mode}, to:
 * <ul>
 *   <li>{@link Mode#REFUSE}: a loopback port nothing listens on, so the kernel answers RST and
 *       {@code connect} fails with a real {@link java.net.ConnectException};</li>
 *   <li>{@link Mode#BLACKHOLE}: a loopback listener with backlog 1 whose accept queue has been
 *       filled by two parked connections and is never drained. Linux then drops further SYNs,
 *       so {@code connect} runs into the client's connect timeout: a real connect timeout.</li>
 * </ul>
 * Nothing is faked above the socket: OkHttp and FlanksClient see what a dead or unreachable
 * server would give them. Diverted connects are counted (no request reaches any server then).
 */
public final class LoopbackFaults extends SocketFactory implements AutoCloseable {

    public enum Mode { DIRECT, REFUSE, BLACKHOLE }

    private static final InetAddress LOOPBACK = loopback();

    private volatile Mode mode = Mode.DIRECT;
    private final AtomicInteger divertedConnects = new AtomicInteger();
    private final InetSocketAddress refused;
    private final ServerSocket blackhole;
    private final List<Socket> parked = new ArrayList<>();

    public LoopbackFaults() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, LOOPBACK)) {
            refused = new InetSocketAddress(LOOPBACK, s.getLocalPort());
        }
        blackhole = new ServerSocket(0, 1, LOOPBACK);
        // fill the accept queue (backlog + 1 on Linux); never accepted
        for (int i = 0; i < 2; i++) {
            Socket s = new Socket();
            s.connect(blackhole.getLocalSocketAddress(), 2000);
            parked.add(s);
        }
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public void mode(Mode m) {
        mode = m;
    }

    public Mode mode() {
        return mode;
    }

    /** Connect attempts sent to the refused port or the black hole since the last reset. */
    public int divertedConnects() {
        return divertedConnects.get();
    }

    public void reset() {
        mode = Mode.DIRECT;
        divertedConnects.set(0);
    }

    private SocketAddress target(SocketAddress requested) {
        Mode m = mode;
        if (m == Mode.DIRECT) {
            return requested;
        }
        divertedConnects.incrementAndGet();
        return m == Mode.REFUSE ? refused : blackhole.getLocalSocketAddress();
    }

    @Override
    public Socket createSocket() {
        return new Socket() {
            @Override
            public void connect(SocketAddress endpoint, int timeout) throws IOException {
                super.connect(target(endpoint), timeout);
            }

            @Override
            public void connect(SocketAddress endpoint) throws IOException {
                connect(endpoint, 0);
            }
        };
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Socket s = createSocket();
        s.connect(new InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        Socket s = createSocket();
        s.bind(new InetSocketAddress(localHost, localPort));
        s.connect(new InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        Socket s = createSocket();
        s.connect(new InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        Socket s = createSocket();
        s.bind(new InetSocketAddress(localAddress, localPort));
        s.connect(new InetSocketAddress(address, port));
        return s;
    }

    @Override
    public void close() throws IOException {
        for (Socket s : parked) {
            s.close();
        }
        blackhole.close();
    }
}
