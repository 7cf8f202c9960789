//go:build unix

package report

// A minimal Chrome DevTools Protocol client over --remote-debugging-pipe, for
// the browser tests. Chrome reads commands from its fd 3 and writes replies and
// events to its fd 4, as JSON messages ended by a NUL byte: no WebSocket and no
// port, so nothing listens on the network and no third-party module is needed
// for the handful of commands the tests send.

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"sync"
	"syscall"
	"time"
)

// browser is a headless Chromium driven over the DevTools pipe.
type browser struct {
	cmd    *exec.Cmd
	toChr  *os.File // our end of Chrome's fd 3
	stderr *bytes.Buffer

	mu      sync.Mutex
	nextID  int
	pending map[int]chan cdpMessage
	events  []cdpMessage
	eventCh chan struct{} // closed and replaced whenever an event arrives
	done    chan struct{} // closed when the pipe from Chrome closes
	readErr error
}

type cdpMessage struct {
	ID        int             `json:"id,omitempty"`
	SessionID string          `json:"sessionId,omitempty"`
	Method    string          `json:"method,omitempty"`
	Params    json.RawMessage `json:"params,omitempty"`
	Result    json.RawMessage `json:"result,omitempty"`
	Error     *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	} `json:"error,omitempty"`
}

// browserFlags are the flags the brief asks for, plus the pipe.
var browserFlags = []string{
	"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
	"--disable-background-networking", "--disable-component-update", "--disable-sync",
	"--no-default-browser-check", "--hide-scrollbars", "--mute-audio",
	"--disable-dev-shm-usage", // containers often have a small /dev/shm
	"--remote-debugging-pipe",
}

// startBrowser starts exe with a fresh profile in profileDir.
func startBrowser(exe, profileDir string) (*browser, error) {
	// Chrome reads fd 3 (inR) and writes fd 4 (outW).
	inR, inW, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	outR, outW, err := os.Pipe()
	if err != nil {
		inR.Close()
		inW.Close()
		return nil, err
	}
	args := append(append([]string{}, browserFlags...), "--user-data-dir="+profileDir, "about:blank")
	cmd := exec.Command(exe, args...)
	cmd.ExtraFiles = []*os.File{inR, outW}
	stderr := &bytes.Buffer{}
	cmd.Stdout, cmd.Stderr = stderr, stderr
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true} // so Close can end Chrome and its helpers together
	if err := cmd.Start(); err != nil {
		inR.Close()
		inW.Close()
		outR.Close()
		outW.Close()
		return nil, err
	}
	inR.Close()
	outW.Close()
	b := &browser{
		cmd: cmd, toChr: inW, stderr: stderr,
		pending: map[int]chan cdpMessage{},
		eventCh: make(chan struct{}),
		done:    make(chan struct{}),
	}
	go b.read(outR)
	return b, nil
}

func (b *browser) read(r *os.File) {
	defer r.Close()
	br := bufio.NewReaderSize(r, 1<<20)
	for {
		raw, err := br.ReadBytes(0)
		if err != nil {
			b.mu.Lock()
			b.readErr = err
			b.mu.Unlock()
			close(b.done)
			return
		}
		var m cdpMessage
		if err := json.Unmarshal(raw[:len(raw)-1], &m); err != nil {
			continue
		}
		b.mu.Lock()
		if m.ID != 0 {
			if ch, ok := b.pending[m.ID]; ok {
				delete(b.pending, m.ID)
				ch <- m
			}
		} else {
			b.events = append(b.events, m)
			close(b.eventCh)
			b.eventCh = make(chan struct{})
		}
		b.mu.Unlock()
	}
}

// call sends method with params in session (empty for the browser) and
// decodes the result into out (when out is not nil).
func (b *browser) call(ctx context.Context, session, method string, params, out any) error {
	p, err := json.Marshal(params)
	if err != nil {
		return err
	}
	ch := make(chan cdpMessage, 1)
	b.mu.Lock()
	b.nextID++
	id := b.nextID
	b.pending[id] = ch
	b.mu.Unlock()
	msg, err := json.Marshal(cdpMessage{ID: id, SessionID: session, Method: method, Params: p})
	if err != nil {
		return err
	}
	if _, err := b.toChr.Write(append(msg, 0)); err != nil {
		return fmt.Errorf("%s: %w", method, err)
	}
	select {
	case m := <-ch:
		if m.Error != nil {
			return fmt.Errorf("%s: %s (%d)", method, m.Error.Message, m.Error.Code)
		}
		if out != nil {
			return json.Unmarshal(m.Result, out)
		}
		return nil
	case <-b.done:
		return fmt.Errorf("%s: browser closed the pipe", method)
	case <-ctx.Done():
		return fmt.Errorf("%s: %w", method, ctx.Err())
	}
}

// waitEvent waits for an event named method in session, seen from index
// from of the event log on, and returns its index.
func (b *browser) waitEvent(ctx context.Context, session, method string, from int) (int, error) {
	for {
		b.mu.Lock()
		for i := from; i < len(b.events); i++ {
			if e := b.events[i]; e.Method == method && e.SessionID == session {
				b.mu.Unlock()
				return i, nil
			}
		}
		from = len(b.events)
		ch := b.eventCh
		b.mu.Unlock()
		select {
		case <-ch:
		case <-b.done:
			return 0, fmt.Errorf("waiting for %s: browser closed the pipe", method)
		case <-ctx.Done():
			return 0, fmt.Errorf("waiting for %s: %w", method, ctx.Err())
		}
	}
}

// eventCount is the length of the event log so far.
func (b *browser) eventCount() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.events)
}

// Close asks Chrome to quit, then ends its process group if it has not
// within two seconds.
func (b *browser) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	_ = b.call(ctx, "", "Browser.close", struct{}{}, nil)
	b.toChr.Close()
	exited := make(chan error, 1)
	go func() { exited <- b.cmd.Wait() }()
	select {
	case <-exited:
	case <-time.After(2 * time.Second):
		_ = syscall.Kill(-b.cmd.Process.Pid, syscall.SIGKILL)
		<-exited
	}
	return nil
}

// tab is one page target attached in flat mode.
type tab struct {
	b       *browser
	session string
}

// newTab opens about:blank in a new target and enables the domains the tests
// watch: Page (load, dialogs), Runtime (console, exceptions), Log (CSP
// violations and failed loads).
func (b *browser) newTab(ctx context.Context, width, height int) (*tab, error) {
	var created struct {
		TargetID string `json:"targetId"`
	}
	if err := b.call(ctx, "", "Target.createTarget", map[string]any{"url": "about:blank"}, &created); err != nil {
		return nil, err
	}
	var attached struct {
		SessionID string `json:"sessionId"`
	}
	if err := b.call(ctx, "", "Target.attachToTarget", map[string]any{"targetId": created.TargetID, "flatten": true}, &attached); err != nil {
		return nil, err
	}
	t := &tab{b: b, session: attached.SessionID}
	for _, m := range []string{"Page.enable", "Runtime.enable", "Log.enable"} {
		if err := b.call(ctx, t.session, m, struct{}{}, nil); err != nil {
			return nil, err
		}
	}
	if err := b.call(ctx, t.session, "Emulation.setDeviceMetricsOverride", map[string]any{
		"width": width, "height": height, "deviceScaleFactor": 1, "mobile": false,
	}, nil); err != nil {
		return nil, err
	}
	return t, nil
}

// navigate loads url and waits for its load event. A JavaScript dialog
// (alert, confirm) would block the page: it is accepted here and stays in the
// event log for the test to find.
func (t *tab) navigate(ctx context.Context, url string) error {
	from := t.b.eventCount()
	var nav struct {
		ErrorText string `json:"errorText"`
	}
	if err := t.b.call(ctx, t.session, "Page.navigate", map[string]any{"url": url}, &nav); err != nil {
		return err
	}
	if nav.ErrorText != "" {
		return fmt.Errorf("navigating to %s: %s", url, nav.ErrorText)
	}
	loaded := make(chan error, 1)
	go func() {
		_, err := t.b.waitEvent(ctx, t.session, "Page.loadEventFired", from)
		loaded <- err
	}()
	seen := from
	for {
		dialogCtx, cancel := context.WithCancel(ctx)
		dialog := make(chan int, 1)
		go func() {
			if i, err := t.b.waitEvent(dialogCtx, t.session, "Page.javascriptDialogOpening", seen); err == nil {
				dialog <- i
			}
		}()
		select {
		case err := <-loaded:
			cancel()
			return err
		case i := <-dialog:
			cancel()
			seen = i + 1
			if err := t.b.call(ctx, t.session, "Page.handleJavaScriptDialog", map[string]any{"accept": true}, nil); err != nil {
				return err
			}
		}
	}
}

// eval evaluates a JavaScript expression in the page (DevTools evaluation is
// not subject to the page's Content-Security-Policy) and decodes its value,
// which must be JSON-serialisable, into out.
func (t *tab) eval(ctx context.Context, expr string, out any) error {
	var res struct {
		Result struct {
			Value json.RawMessage `json:"value"`
		} `json:"result"`
		ExceptionDetails *struct {
			Text      string `json:"text"`
			Exception *struct {
				Description string `json:"description"`
			} `json:"exception"`
		} `json:"exceptionDetails"`
	}
	if err := t.b.call(ctx, t.session, "Runtime.evaluate", map[string]any{
		"expression": expr, "returnByValue": true, "awaitPromise": true,
	}, &res); err != nil {
		return err
	}
	if e := res.ExceptionDetails; e != nil {
		msg := e.Text
		if e.Exception != nil {
			msg += ": " + e.Exception.Description
		}
		return errors.New("evaluating script: " + msg)
	}
	return json.Unmarshal(res.Result.Value, out)
}

// screenshot returns a PNG of the whole page, not only the viewport.
func (t *tab) screenshot(ctx context.Context) ([]byte, error) {
	var metrics struct {
		CSSContentSize struct {
			Width  float64 `json:"width"`
			Height float64 `json:"height"`
		} `json:"cssContentSize"`
	}
	if err := t.b.call(ctx, t.session, "Page.getLayoutMetrics", struct{}{}, &metrics); err != nil {
		return nil, err
	}
	var shot struct {
		Data []byte `json:"data"` // base64 in JSON, decoded by encoding/json
	}
	err := t.b.call(ctx, t.session, "Page.captureScreenshot", map[string]any{
		"format": "png", "captureBeyondViewport": true,
		"clip": map[string]any{
			"x": 0, "y": 0, "scale": 1,
			"width": metrics.CSSContentSize.Width, "height": metrics.CSSContentSize.Height,
		},
	}, &shot)
	return shot.Data, err
}
