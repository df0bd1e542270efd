// The browser rendering of the report model: the same blocks the DOCX is written from. Each figure
// is a link that opens the records behind it; placeholders are highlighted and open the editor.
import type { TReportModel } from '../../../../contracts/reports';

type Inline = Extract<TReportModel['blocks'][number], { kind: 'paragraph' }>['inlines'][number];

const paper: React.CSSProperties = {
  background: '#fff',
  color: '#000',
  fontFamily: '"Times New Roman", "Liberation Serif", serif',
  fontSize: 17,
  lineHeight: 1.45,
  maxWidth: 820,
  margin: '0 auto',
  padding: '40px 40px 60px 64px',
  boxShadow: '0 1px 6px rgba(0,0,0,.15)',
};

export const ReportPreview = ({
  model,
  onFigure,
  onPlaceholder,
}: {
  model: TReportModel;
  onFigure: (key: string) => void;
  onPlaceholder: (key: string) => void;
}) => {
  const inline = (i: Inline, index: number) => {
    if (i.t === 'figure')
      return (
        <a
          key={index}
          href={`#so-lieu-${i.key}`}
          data-figure={i.key}
          title="Xem các bản ghi đứng sau số liệu này"
          onClick={(e) => {
            e.preventDefault();
            onFigure(i.key);
          }}
          style={{ color: '#0b4f9c', borderBottom: '1px dotted #0b4f9c' }}
        >
          {i.text}
        </a>
      );
    if (i.t === 'missing')
      return (
        <span key={index} data-missing={i.key} style={{ background: '#eee', fontStyle: 'italic' }}>
          {i.text}
        </span>
      );
    if (i.t === 'placeholder')
      return (
        <button
          key={index}
          type="button"
          data-placeholder={i.key}
          onClick={() => onPlaceholder(i.key)}
          style={{
            font: 'inherit',
            color: 'inherit',
            border: 'none',
            padding: 0,
            textAlign: 'inherit',
            cursor: 'pointer',
            background: i.filled ? 'transparent' : '#fff3b0',
            fontStyle: i.filled ? 'normal' : 'italic',
          }}
          title="Bấm để viết hoặc sửa nội dung này"
        >
          {i.text}
        </button>
      );
    return <span key={index}>{i.text}</span>;
  };

  return (
    <div style={paper} data-testid="report-preview">
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 16 }}>
        <div style={{ textAlign: 'center', width: '45%' }}>
          <div>{model.header.superiorName}</div>
          <div style={{ fontWeight: 700 }}>{model.header.issuerName}</div>
          <div>*</div>
          <div style={{ whiteSpace: 'pre' }}>{model.header.numberText}</div>
        </div>
        <div style={{ textAlign: 'center', width: '55%' }}>
          <div style={{ fontWeight: 700, fontSize: 18 }}>ĐẢNG CỘNG SẢN VIỆT NAM</div>
          <div style={{ borderTop: '1px solid #000', width: '70%', margin: '2px auto 12px' }} />
          <div style={{ fontStyle: 'italic' }}>{model.header.placeDate}</div>
        </div>
      </div>
      <div style={{ textAlign: 'center', marginTop: 28 }}>
        <div style={{ fontWeight: 700, fontSize: 19 }}>{model.typeName}</div>
        {model.summary.map((line) => (
          <div key={line} style={{ fontWeight: 700 }}>
            {line}
          </div>
        ))}
        <div>-----</div>
      </div>
      {model.blocks.map((b, index) =>
        b.kind === 'heading' ? (
          <div
            key={index}
            style={{
              fontWeight: 700,
              fontStyle: b.level === 3 ? 'italic' : 'normal',
              textAlign: b.level === 1 ? 'center' : 'left',
              textIndent: b.level === 1 ? 0 : 36,
              marginTop: 10,
              whiteSpace: 'pre-line',
            }}
          >
            {b.text}
          </div>
        ) : (
          <p key={index} style={{ textIndent: 36, textAlign: 'justify', margin: '4px 0' }}>
            {b.inlines.map(inline)}
          </p>
        ),
      )}
      <div style={{ display: 'flex', justifyContent: 'space-between', marginTop: 24 }}>
        {/* "Nơi nhận" as on the Party document (36-HD/VPTW): underlined, upright; the lines smaller. */}
        <div style={{ fontSize: 14 }} data-testid="recipients">
          <span>
            <span style={{ textDecoration: 'underline' }}>Nơi nhận</span>:
          </span>
          {model.recipients.map((r) => (
            <div key={r} style={{ fontSize: 12 }}>
              {r}
            </div>
          ))}
        </div>
        <div style={{ textAlign: 'center', minWidth: 260 }}>
          <div style={{ fontWeight: 700 }}>{model.signer.authority}</div>
          <div style={{ fontWeight: 700, marginBottom: 64 }}>{model.signer.title}</div>
          <div style={{ fontWeight: 700 }}>{model.signer.name}</div>
        </div>
      </div>
    </div>
  );
};
