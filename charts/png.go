package charts

import (
	"bufio"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"io"
)

// encodePNG writes img as an 8-bit RGB PNG (RGBA if any pixel is not
// opaque) with a pHYs chunk recording dpi, right after IHDR. Rows use the
// "Up" filter and zlib's fastest level: charts are runs of flat colour
// that repeat from row to row, so this compresses about as well as the
// standard library's per-row filter search at a fraction of its time. The
// bytes depend only on the image.
func encodePNG(w io.Writer, img *image.RGBA, dpi int) error {
	b := img.Bounds()
	width, height := b.Dx(), b.Dy()
	opaque := img.Opaque()
	bpp := 3
	colorType := byte(2) // truecolour
	if !opaque {
		bpp, colorType = 4, 6 // truecolour with alpha
	}
	bw := bufio.NewWriter(w)
	bw.WriteString("\x89PNG\r\n\x1a\n")
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(width))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(height))
	ihdr[8], ihdr[9] = 8, colorType // bit depth; compression, filter, interlace 0
	writeChunk(bw, "IHDR", ihdr[:])
	var phys [9]byte
	ppm := uint32(float64(dpi)/0.0254 + 0.5) // 300 dpi → 11811 px/m
	binary.BigEndian.PutUint32(phys[0:], ppm)
	binary.BigEndian.PutUint32(phys[4:], ppm)
	phys[8] = 1 // unit: metre
	writeChunk(bw, "pHYs", phys[:])

	idat := &chunkWriter{w: bw, typ: "IDAT"}
	zw, err := zlib.NewWriterLevel(idat, zlib.BestSpeed)
	if err != nil {
		return err
	}
	line := make([]byte, 1+width*bpp)
	line[0] = 2 // filter: Up
	if opaque {
		// Up of an opaque image straight from its rows: each byte is the
		// pixel's byte minus the one above it (above the first row, 0),
		// alpha dropped.
		var above []byte
		for y := range height {
			at := (y+b.Min.Y-img.Rect.Min.Y)*img.Stride + (b.Min.X-img.Rect.Min.X)*4
			row := img.Pix[at : at+width*4]
			l := line[1:]
			if above == nil {
				for x := range width {
					p, q := row[4*x:4*x+3], l[3*x:3*x+3]
					q[0], q[1], q[2] = p[0], p[1], p[2]
				}
			} else {
				for x := range width {
					p, u, q := row[4*x:4*x+3], above[4*x:4*x+3], l[3*x:3*x+3]
					q[0], q[1], q[2] = p[0]-u[0], p[1]-u[1], p[2]-u[2]
				}
			}
			if _, err := zw.Write(line); err != nil {
				return err
			}
			above = row
		}
	} else {
		prev := make([]byte, width*bpp)
		cur := make([]byte, width*bpp)
		for y := range height {
			// PNG stores straight alpha, image.RGBA premultiplied
			for x := range width {
				c := color.NRGBAModel.Convert(img.RGBAAt(b.Min.X+x, b.Min.Y+y)).(color.NRGBA)
				cur[x*4], cur[x*4+1], cur[x*4+2], cur[x*4+3] = c.R, c.G, c.B, c.A
			}
			for i, c := range cur {
				line[1+i] = c - prev[i]
			}
			if _, err := zw.Write(line); err != nil {
				return err
			}
			prev, cur = cur, prev
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	if err := idat.flush(); err != nil {
		return err
	}
	writeChunk(bw, "IEND", nil)
	return bw.Flush()
}

func writeChunk(w *bufio.Writer, typ string, data []byte) {
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(data)))
	w.Write(n[:])
	crc := crc32.NewIEEE()
	crc.Write([]byte(typ))
	crc.Write(data)
	w.WriteString(typ)
	w.Write(data)
	binary.BigEndian.PutUint32(n[:], crc.Sum32())
	w.Write(n[:])
}

// chunkWriter collects zlib output into IDAT chunks of up to 64 KiB.
type chunkWriter struct {
	w   *bufio.Writer
	typ string
	buf []byte
}

func (c *chunkWriter) Write(p []byte) (int, error) {
	const max = 1 << 16
	n := len(p)
	for len(p) > 0 {
		k := min(len(p), max-len(c.buf))
		c.buf = append(c.buf, p[:k]...)
		p = p[k:]
		if len(c.buf) == max {
			if err := c.flush(); err != nil {
				return 0, err
			}
		}
	}
	return n, nil
}

func (c *chunkWriter) flush() error {
	if len(c.buf) > 0 {
		writeChunk(c.w, c.typ, c.buf)
		c.buf = c.buf[:0]
	}
	return nil
}
